namespace ConfigCluster.Vault.Client;

/// <summary>
/// Where the client's authentication stands, without the token: the method, whether it holds a token, and why
/// the last login failed (null once one succeeded; never a credential). <see cref="Refused"/>: Vault answered and
/// said no (or a credential file could not be read): trying again will not help until the settings change; otherwise
/// Vault was not reachable.
/// </summary>
public sealed record VaultAuthStatus(VaultAuthMethod Method, bool HasToken, string? Problem, bool Refused = false)
{
    /// <summary>The method as Vault's CLI names it (<c>token</c>, <c>approle</c>, <c>kubernetes</c>).</summary>
    public string MethodName => Method.ToString().ToLowerInvariant();
}
