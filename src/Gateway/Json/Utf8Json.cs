using System.Buffers;
using System.Text.Json;

namespace ConfigCluster.Gateway.Json;

/// <summary>Writes a body by hand with a <see cref="Utf8JsonWriter"/>, for shapes that carry raw JSON values (flag variants).</summary>
internal static class Utf8Json
{
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            write(writer, state);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A raw JSON value, or <c>null</c> when there is none.</summary>
    public static void WriteRawOrNull(this Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }
}
