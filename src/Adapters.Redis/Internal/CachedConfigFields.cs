using System.Text.Json;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>The fields of a cached entry as <see cref="CachedConfigJson"/> reads them, one property at a time.</summary>
internal sealed class CachedConfigFields
{
    private string? _value;
    private long? _version;
    private DateTimeOffset? _createdAt;
    private DateTimeOffset? _updatedAt;
    private long? _changeId;
    private DateTimeOffset? _cachedAt;

    /// <summary>Reads the property the reader is on and its value; false when the value has the wrong type.</summary>
    public bool TryRead(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        if (!reader.Read())
        {
            return false;
        }

        switch (name)
        {
            case "value":
                return TryString(ref reader, out _value);
            case "version":
                return TryNumber(ref reader, out _version);
            case "change_id":
                return TryNumber(ref reader, out _changeId);
            case "created_at":
                return TryTimestamp(ref reader, out _createdAt);
            case "updated_at":
                return TryTimestamp(ref reader, out _updatedAt);
            case "cached_at":
                return TryTimestamp(ref reader, out _cachedAt);
            default:
                reader.Skip();
                return true;
        }
    }

    /// <summary>The entry, or null when a field is missing.</summary>
    public CachedConfig? ToEntry() =>
        _value is null || _version is null || _createdAt is null || _updatedAt is null || _changeId is null || _cachedAt is null
            ? null
            : new CachedConfig(_value, _version.Value, _createdAt.Value, _updatedAt.Value, _changeId.Value, _cachedAt.Value);

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryNumber(ref Utf8JsonReader reader, out long? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
        return value is not null;
    }

    private static bool TryTimestamp(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var timestamp) ? timestamp : null;
        return value is not null;
    }
}
