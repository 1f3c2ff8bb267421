using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>Request bodies, written with <see cref="Utf8JsonWriter"/> (no reflection).</summary>
internal static class VaultJsonBodies
{
    // Bodies go to an HTTP API, not into HTML: no need to \u-escape '+', '<', non-ASCII letters and so on.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>KV v2 write/patch: <c>{"options":{"cas":N},"data":{...}}</c>, options only when CAS is used.</summary>
    public static byte[] DataWithCas(JsonObject data, long? cas) => Write(writer =>
    {
        writer.WriteStartObject();
        if (cas is { } version)
        {
            writer.WriteStartObject("options");
            writer.WriteNumber("cas", version);
            writer.WriteEndObject();
        }

        writer.WritePropertyName("data");
        data.WriteTo(writer);
        writer.WriteEndObject();
    });

    /// <summary>KV v1 write: the secret itself is the body.</summary>
    public static byte[] Object(JsonObject data) => Write(writer => data.WriteTo(writer));

    public static byte[] Versions(IReadOnlyCollection<long> versions) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("versions");
        foreach (var version in versions)
        {
            writer.WriteNumberValue(version);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] Metadata(KvMetadataUpdate update) => Write(writer =>
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "max_versions", update.MaxVersions);
        if (update.CasRequired is { } casRequired)
        {
            writer.WriteBoolean("cas_required", casRequired);
        }

        if (update.DeleteVersionAfter is { } deleteAfter)
        {
            writer.WriteString("delete_version_after", deleteAfter);
        }

        if (update.CustomMetadata is { } custom)
        {
            WriteStringMap(writer, "custom_metadata", custom);
        }

        writer.WriteEndObject();
    });

    public static byte[] RenewIncrement(TimeSpan? increment) => Write(writer =>
    {
        writer.WriteStartObject();
        if (increment is { } value)
        {
            writer.WriteString("increment", ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s");
        }

        writer.WriteEndObject();
    });

    /// <summary>An object of string fields, leaving out those without a value (login bodies).</summary>
    public static byte[] Strings(params (string Name, string? Value)[] fields) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            if (!string.IsNullOrEmpty(value))
            {
                writer.WriteString(name, value);
            }
        }

        writer.WriteEndObject();
    });

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteStringMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
