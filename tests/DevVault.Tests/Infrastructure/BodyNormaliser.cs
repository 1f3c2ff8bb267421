using System.Text.RegularExpressions;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>
/// Replaces the values that legitimately differ between two Vaults (request ids, UUIDs, accessors, issued
/// service tokens, timestamps, cluster names, the Vault version, caller identity in KV attribution) with placeholders,
/// leaving every other byte — order, nulls, escaping, trailing newline — to be compared.
/// </summary>
internal static partial class BodyNormaliser
{
    public static string Normalise(string body)
    {
        string text = Attribution().Replace(body, "{\"actor\":\"<actor>\",\"operation\":\"$1\"}");
        text = RequestId().Replace(text, "\"request_id\":\"<request_id>\"");
        text = Uuid().Replace(text, "<uuid>");
        text = Timestamp().Replace(text, "<time>");
        text = UnixSeconds().Replace(text, "\"$1\":<unix>");
        text = Accessor().Replace(text, "\"accessor\":\"<accessor>\"");
        text = ServiceToken().Replace(text, "\"$1\":\"<token>\"");
        text = ClusterName().Replace(text, "vault-cluster-<id>");
        text = VaultVersion().Replace(text, "\"version\":\"<vault-version>\"");
        return BuiltinVaultVersion().Replace(text, "v<vault-version>+builtin.vault");
    }

    [GeneratedRegex("\\{\"actor\":\"[^\"]*\",\"operation\":\"(\\w+)\"(?:,\"entity_id\":\"[^\"]*\")?(?:,\"client_id\":\"[^\"]*\")?\\}")]
    private static partial Regex Attribution();

    [GeneratedRegex("\"request_id\":\"[^\"]*\"")]
    private static partial Regex RequestId();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\"(creation_time|server_time_utc)\":\\d+")]
    private static partial Regex UnixSeconds();

    [GeneratedRegex("\"accessor\":\"[^\"]*\"")]
    private static partial Regex Accessor();

    [GeneratedRegex("\"(client_token|id)\":\"hvs\\.[^\"]*\"")]
    private static partial Regex ServiceToken();

    [GeneratedRegex("vault-cluster-[0-9a-f]{8}")]
    private static partial Regex ClusterName();

    [GeneratedRegex("\"version\":\"\\d+\\.\\d+\\.\\d+\"")]
    private static partial Regex VaultVersion();

    [GeneratedRegex("v\\d+\\.\\d+\\.\\d+\\+builtin\\.vault")]
    private static partial Regex BuiltinVaultVersion();
}
