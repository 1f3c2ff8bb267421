using System.Text;
using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// custom_metadata parsing (values weakly decoded to strings) and the plugin's validateCustomMetadata:
/// at most 64 keys, keys 1..128 bytes, values 1..512 bytes, printable; all problems in one multierror.
/// </summary>
internal static class Kv2CustomMetadata
{
    private const string Prefix = "custom_metadata validation failed";

    /// <summary>Entries in key order; a null value is a JSON null (removal in a PATCH).</summary>
    public static bool TryParse(JsonElement? raw, bool keepNulls, out List<KeyValuePair<string, string?>> entries, out VaultResponse? error)
    {
        entries = [];
        error = null;
        if (raw is not { } map)
        {
            return true;
        }

        foreach (JsonProperty property in CanonicalPropertyOrder(map))
        {
            if (keepNulls && property.Value.ValueKind == JsonValueKind.Null)
            {
                entries.Add(new(property.Name, null));
                continue;
            }

            if (!GoWeakDecode.TryString(FieldValue.FromJson(property.Value), out string value, out string decodeError))
            {
                error = VaultErrors.Of(400, $"{Prefix}: {decodeError}");
                return false;
            }

            entries.Add(new(property.Name, value));
        }

        error = Validate(entries);
        return error is null;
    }

    private static VaultResponse? Validate(List<KeyValuePair<string, string?>> entries)
    {
        var values = entries.Where(entry => entry.Value is not null).ToList();
        if (values.Count > 64)
        {
            return VaultErrors.Of(400, VaultErrors.MultiError([$"{Prefix}: payload must contain at most 64 keys, provided {values.Count}"]));
        }

        var problems = new List<string>();
        foreach ((string key, string? value) in values)
        {
            AddProblems(problems, key, value!);
        }

        return problems.Count == 0 ? null : VaultErrors.Of(400, VaultErrors.MultiError(problems));
    }

    private static void AddProblems(List<string> problems, string key, string value)
    {
        int keyLength = Encoding.UTF8.GetByteCount(key);
        int valueLength = Encoding.UTF8.GetByteCount(value);
        string quoted = GoQuote.Quote(key);
        if (keyLength is 0 or > 128)
        {
            problems.Add($"{Prefix}: length of key {quoted} is {keyLength} but must be 0 < len(key) <= 128");
        }

        if (valueLength is 0 or > 512)
        {
            problems.Add($"{Prefix}: length of value for key {quoted} is {valueLength} but must be 0 < len(value) <= 512");
        }

        if (!GoUnicode.IsPrintable(key))
        {
            problems.Add($"{Prefix}: key {quoted} ({key}) contains unprintable characters");
        }

        if (!GoUnicode.IsPrintable(value))
        {
            problems.Add($"{Prefix}: value for key {quoted} contains unprintable characters");
        }
    }

    private static JsonProperty[] CanonicalPropertyOrder(JsonElement map) =>
        map.ValueKind == JsonValueKind.Object ? Json.CanonicalJsonWriter.SortedProperties(map) : [];
}
