namespace ConfigCluster.Vault.Client;

/// <summary>
/// A <c>sys/health</c> body, whatever the status (200 active, 429 standby, 503 sealed, 501 uninitialised).
/// <paramref name="HttpStatus"/> is the status it came with.
/// </summary>
public sealed record VaultHealth(bool Initialized, bool Sealed, bool Standby, string Version, int HttpStatus)
{
    /// <summary>Initialised and unsealed: a node that can serve (a standby forwards to the active node).</summary>
    public bool IsServing => Initialized && !Sealed;
}
