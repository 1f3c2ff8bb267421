namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// One call to Vault with the given token (none for logins), read retries included, within <paramref name="budget"/>;
/// <paramref name="caller"/> tells the caller's own cancellation from the budget running out.
/// </summary>
internal delegate Task<VaultResponse> VaultExchange(VaultRequest request, string? token, CancellationToken budget, CancellationToken caller);
