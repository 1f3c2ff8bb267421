using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Json;

/// <summary>
/// A Go map[string]interface{} a backend builds for a response's <c>data</c>: encoding/json writes its keys
/// in UTF-8 byte order whatever order they were added in; a null list writes <c>null</c> like a nil slice.
/// </summary>
internal sealed class GoMap
{
    private readonly SortedDictionary<string, Action<Utf8JsonWriter>> _values = new(Utf8KeyOrder.Instance);

    public GoMap Add(string key, string value) => Set(key, writer => writer.WriteStringValue(value));

    public GoMap Add(string key, long value) => Set(key, writer => writer.WriteNumberValue(value));

    public GoMap Add(string key, bool value) => Set(key, writer => writer.WriteBooleanValue(value));

    public GoMap Add(string key, IReadOnlyList<string>? values) => Set(key, writer =>
    {
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    });

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach ((string key, Action<Utf8JsonWriter> write) in _values)
        {
            writer.WritePropertyName(key);
            write(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>A 200 envelope whose <c>data</c> is this map.</summary>
    public Http.VaultResponse Respond(string mountType, IReadOnlyList<string>? warnings = null) =>
        Http.VaultEnvelopeWriter.Write(200, new Http.EnvelopeSpec(mountType, warnings), this, static (writer, map) => map.Write(writer));

    private GoMap Set(string key, Action<Utf8JsonWriter> write)
    {
        _values[key] = write;
        return this;
    }
}
