using System.Buffers;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Json;

/// <summary>Creates Utf8JsonWriters that escape strings like Go's encoding/json.</summary>
internal static class VaultJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = GoJsonEncoder.Instance };

    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>Encodes a property name once, for hot paths.</summary>
    public static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, GoJsonEncoder.Instance);

    /// <summary>Writes a JSON body of its own (not an envelope) into a byte array.</summary>
    public static byte[] Serialize<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (Utf8JsonWriter writer = CreateWriter(buffer))
        {
            write(writer, state);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
