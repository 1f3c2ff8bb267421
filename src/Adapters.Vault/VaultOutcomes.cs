namespace ConfigCluster.Adapters.Vault;

/// <summary>Vault's outcomes in the grain's terms.</summary>
internal static class VaultOutcomes
{
    /// <summary>
    /// Permission denied and rejected requests count as unavailable: the service cannot use Vault
    /// (bad token, policy or mount), and the guide treats authentication failures like an outage.
    /// </summary>
    public static StoreOutcome ToStore(VaultOutcome outcome) => outcome switch
    {
        VaultOutcome.Ok => StoreOutcome.Ok,
        VaultOutcome.NotFound or VaultOutcome.VersionDeleted or VaultOutcome.VersionDestroyed => StoreOutcome.NotFound,
        VaultOutcome.CasMismatch => StoreOutcome.Conflict,
        _ => StoreOutcome.Unavailable,
    };

    public static string Describe(VaultOutcome outcome, int? httpStatus, string? error) =>
        httpStatus is { } status ? $"{outcome} (HTTP {status}): {error}" : $"{outcome}: {error}";
}
