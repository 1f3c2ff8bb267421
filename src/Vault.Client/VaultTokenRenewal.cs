namespace ConfigCluster.Vault.Client;

/// <summary>
/// <c>auth/token/renew-self</c> without the token: the new lease in seconds and whether it can be renewed
/// again. A capped renewal is still Ok and carries Vault's warning in the result.
/// </summary>
public sealed record VaultTokenRenewal(long LeaseDurationSeconds, bool Renewable, IReadOnlyList<string> Policies);
