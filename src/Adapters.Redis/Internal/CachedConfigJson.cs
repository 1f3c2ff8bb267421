using System.Buffers;
using System.Text.Json;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// The stored form of a <see cref="CachedConfig"/>: one compact JSON object,
/// <c>{"value":"…","version":3,"created_at":"…","updated_at":"…","change_id":7,"cached_at":"…"}</c>,
/// timestamps in ISO 8601 UTC (<c>Z</c>). Written and read by hand (no reflection); anything else reads as corrupt (null).
/// </summary>
internal static class CachedConfigJson
{
    public static ReadOnlyMemory<byte> Write(CachedConfig entry)
    {
        var buffer = new ArrayBufferWriter<byte>(entry.Value.Length + 192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("value"u8, entry.Value);
            writer.WriteNumber("version"u8, entry.Version);
            writer.WriteString("created_at"u8, entry.CreatedAt.UtcDateTime);
            writer.WriteString("updated_at"u8, entry.UpdatedAt.UtcDateTime);
            writer.WriteNumber("change_id"u8, entry.ChangeId);
            writer.WriteString("cached_at"u8, entry.CachedAt.UtcDateTime);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The entry, or null when <paramref name="json"/> is not exactly one well-formed entry.</summary>
    public static CachedConfig? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var fields = new CachedConfigFields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!fields.TryRead(ref reader))
                {
                    return null;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? fields.ToEntry() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
