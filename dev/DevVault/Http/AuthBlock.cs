namespace ConfigCluster.DevVault.Http;

/// <summary>
/// logical.HTTPAuth, the <c>auth</c> block of login and renew answers (vault-kv-contract §6).
/// <see cref="Metadata"/> null writes <c>null</c>; empty policy lists are left out like Go's omitempty.
/// </summary>
internal sealed record AuthBlock(
    string ClientToken,
    string Accessor,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> TokenPolicies,
    IReadOnlyDictionary<string, string>? Metadata,
    long LeaseDuration,
    bool Renewable,
    string EntityId,
    bool Orphan)
{
    public IReadOnlyList<string> IdentityPolicies { get; init; } = [];

    public string TokenType { get; init; } = "service";

    public long NumUses { get; init; }
}
