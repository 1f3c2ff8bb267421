using System.Text;
using System.Text.Json;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>
/// strutil.ParseArbitraryKeyValues for a SecretID's <c>metadata</c>: a JSON object of strings (optionally
/// base64-encoded), else comma-separated <c>key=value</c> pairs (lower-cased, as Vault's parser does).
/// </summary>
internal static class SecretIdMetadata
{
    public static bool TryParse(string input, out Dictionary<string, string> metadata, out string error)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        error = "";
        input = input.Trim();
        if (input.Length == 0)
        {
            return true;
        }

        input = TryBase64(input) ?? input;
        if (!TryJsonObject(input, metadata) && !TryPairs(input, metadata, out error))
        {
            error = "failed to parse metadata: failed to parse the input: " + error;
            return false;
        }

        if (metadata.FirstOrDefault(pair => pair.Key.Length > 0 && pair.Value.Length == 0) is { Key: { Length: > 0 } emptyKey })
        {
            error = $"failed to parse metadata: invalid value for key \"{emptyKey}\"";
            return false;
        }

        return true;
    }

    private static string? TryBase64(string input)
    {
        var buffer = new byte[input.Length];
        return Convert.TryFromBase64String(input, buffer, out int written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    private static bool TryJsonObject(string input, Dictionary<string, string> metadata)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(input);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || document.RootElement.EnumerateObject().Any(property => property.Value.ValueKind != JsonValueKind.String))
            {
                return false;
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                metadata[property.Name] = property.Value.GetString()!;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryPairs(string input, Dictionary<string, string> metadata, out string error)
    {
        error = "";
        foreach (string pair in input.Split(',').Select(item => item.Trim().ToLowerInvariant()).Where(item => item.Length > 0).Distinct())
        {
            string[] shards = pair.Split('=');
            if (shards.Length != 2)
            {
                error = "invalid <key,value> format";
                return false;
            }

            (string key, string value) = (shards[0].Trim(), shards[1].Trim());
            if (key.Length == 0 || value.Length == 0)
            {
                error = $"invalid <key,value> pair: key: \"{key}\" value: \"{value}\"";
                return false;
            }

            metadata[key] = value;
        }

        return true;
    }
}
