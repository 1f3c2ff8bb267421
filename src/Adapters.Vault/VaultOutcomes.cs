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

    /// <summary>
    /// Like <see cref="ToStore(VaultOutcome)"/> for a write: an unavailable Vault that gave no answer
    /// (other than a refused connection) may have applied the write.
    /// </summary>
    public static StoreOutcome ToStoreWrite(VaultOutcome outcome, int? httpStatus, string? error) =>
        outcome == VaultOutcome.Unavailable && httpStatus is null
            && error?.Contains("Connection refused", StringComparison.OrdinalIgnoreCase) != true
            ? StoreOutcome.Indeterminate
            : ToStore(outcome);

    public static string Describe(VaultOutcome outcome, int? httpStatus, string? error) =>
        httpStatus is { } status ? $"{outcome} (HTTP {status}): {error}" : $"{outcome}: {error}";
}
