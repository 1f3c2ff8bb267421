namespace ConfigCluster.Vault.Client;

/// <summary>
/// <c>auth/token/lookup-self</c> without the token id. <paramref name="Ttl"/> is the remaining seconds
/// (0 = never expires); <paramref name="ExpireTime"/> is null for non-expiring tokens.
/// </summary>
public sealed record VaultTokenInfo(
    string DisplayName,
    IReadOnlyList<string> Policies,
    long Ttl,
    bool Renewable,
    DateTimeOffset? ExpireTime);
