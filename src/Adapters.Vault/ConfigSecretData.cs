using System.Text.Json.Nodes;

namespace ConfigCluster.Adapters.Vault;

/// <summary>
/// The shape of a config inside a Vault secret (decision 3): <c>{"value": "...", "is_encrypted": bool}</c>.
/// A secret written with these fields by any Vault client is a config.
/// </summary>
internal static class ConfigSecretData
{
    public const string ValueField = "value";
    public const string IsEncryptedField = "is_encrypted";

    public static JsonObject Create(string value, bool isEncrypted) => new()
    {
        [ValueField] = value,
        [IsEncryptedField] = isEncrypted,
    };

    /// <summary>Reads the two fields; false when the secret is not a config (no string value).</summary>
    public static bool TryRead(JsonObject? data, out string value, out bool isEncrypted)
    {
        value = string.Empty;
        isEncrypted = false;
        if (data?[ValueField] is not JsonValue raw || !raw.TryGetValue(out string? text))
        {
            return false;
        }

        value = text;
        isEncrypted = data[IsEncryptedField] is JsonValue flag && flag.TryGetValue(out bool b) && b;
        return true;
    }
}
