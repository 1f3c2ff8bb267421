using System.Globalization;
using System.Text.Json;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Tolerant field access on Vault JSON (vault-kv-contract §7.14): missing fields, nulls and unexpected kinds
/// fall back to defaults, numbers may arrive as strings, unknown fields are simply never looked at.
/// </summary>
internal static class JsonRead
{
    public static bool TryGet(this JsonElement element, string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out value)
            && value.ValueKind == kind;
    }

    public static string GetStringOrEmpty(this JsonElement element, string name) =>
        element.TryGet(name, JsonValueKind.String, out var value) ? value.GetString() ?? string.Empty : string.Empty;

    public static long GetInt64OrDefault(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when value.TryGetDouble(out var real) => (long)real,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    public static int GetInt32OrDefault(this JsonElement element, string name) =>
        (int)Math.Clamp(element.GetInt64OrDefault(name), int.MinValue, int.MaxValue);

    public static bool GetBooleanOrDefault(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed) && parsed);
    }

    /// <summary>Null when absent, null, <c>""</c> or unparsable.</summary>
    public static DateTimeOffset? GetTimestampOrNull(this JsonElement element, string name) =>
        element.TryGet(name, JsonValueKind.String, out var value) && VaultTimestamp.TryParse(value.GetString(), out var parsed)
            ? parsed
            : null;

    public static DateTimeOffset GetTimestampOrMin(this JsonElement element, string name) =>
        element.GetTimestampOrNull(name) ?? DateTimeOffset.MinValue;

    public static IReadOnlyList<string> GetStringList(this JsonElement element, string name)
    {
        if (!element.TryGet(name, JsonValueKind.Array, out var array))
        {
            return [];
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    /// <summary>A string→string map; null when absent or null. Non-string values keep their JSON text.</summary>
    public static IReadOnlyDictionary<string, string>? GetStringMapOrNull(this JsonElement element, string name)
    {
        if (!element.TryGet(name, JsonValueKind.Object, out var map))
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : property.Value.GetRawText();
        }

        return result;
    }
}
