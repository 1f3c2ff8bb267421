namespace ConfigCluster.Vault.Client;

/// <summary>
/// Whether Vault serves and accepts the client's token, how the client authenticates, and the token's remaining TTL
/// in seconds (0: it does not expire; null when unknown). <see cref="Problem"/> says why it is not connected; it never
/// holds a credential.
/// </summary>
public sealed record VaultConnection(bool Connected, string? Problem, VaultAuthMethod AuthMethod, long? TokenTtlSeconds)
{
    /// <summary>The method as Vault's CLI names it (<c>token</c>, <c>approle</c>, <c>kubernetes</c>).</summary>
    public string AuthMethodName => AuthMethod.ToString().ToLowerInvariant();
}
