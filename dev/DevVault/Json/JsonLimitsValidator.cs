using System.Runtime.InteropServices;
using System.Text.Json;

namespace ConfigCluster.DevVault.Json;

/// <summary>
/// Vault 1.20.3+ request JSON limits (answered with 500): duplicate keys, entries per object,
/// elements per array and the raw length of one string. Depth is enforced while parsing.
/// </summary>
internal static class JsonLimitsValidator
{
    public const int MaxDepth = 500;
    private const int MaxStringBytes = 1024 * 1024;
    private const int MaxEntries = 10_000;

    /// <summary>Returns the Vault error text of the first violation, or null.</summary>
    public static string? FindViolation(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => CheckObject(element),
        JsonValueKind.Array => CheckArray(element),
        JsonValueKind.String => JsonMarshal.GetRawUtf8Value(element).Length - 2 > MaxStringBytes
            ? "JSON string value exceeds allowed length"
            : null,
        _ => null,
    };

    private static string? CheckObject(JsonElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                return $"duplicate key '{property.Name}' in object";
            }

            if (names.Count > MaxEntries)
            {
                return "JSON object exceeds allowed entry count";
            }

            if (FindViolation(property.Value) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    private static string? CheckArray(JsonElement element)
    {
        int count = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (++count > MaxEntries)
            {
                return "JSON array exceeds allowed element count";
            }

            if (FindViolation(item) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }
}
