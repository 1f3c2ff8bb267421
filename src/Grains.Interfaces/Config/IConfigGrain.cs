namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// One config: environment/service_name/key, keyed by <see cref="ConfigAddress.Path"/>.
/// The only writer of that Vault secret inside the service; it serializes writes and owns cache invalidation.
/// </summary>
[Alias("ConfigCluster.IConfigGrain")]
public interface IConfigGrain : IGrainWithStringKey
{
    /// <summary>The current config, or <paramref name="version"/> while Vault still keeps it.</summary>
    [ReadOnly, Alias("Get")]
    Task<ConfigResult> GetAsync(long? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the grain to re-read Vault ahead of its cache TTL when the plain value it holds is near the
    /// end of it, so that a frequently read config is refreshed off the request path. Fire and forget.
    /// </summary>
    [ReadOnly, OneWay, Alias("Renew")]
    Task RenewAsync();

    [Alias("Create")]
    Task<ConfigResult> CreateAsync(ConfigChange change, CancellationToken cancellationToken = default);

    [Alias("Update")]
    Task<ConfigResult> UpdateAsync(ConfigChange change, CancellationToken cancellationToken = default);

    [Alias("Delete")]
    Task<ConfigResult> DeleteAsync(ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the config back to <paramref name="version"/>'s value and encryption flag, as a new version audited as
    /// <c>rolled_back</c> with the source version. VersionGone when Vault no longer keeps that version.
    /// </summary>
    [Alias("Rollback")]
    Task<ConfigResult> RollbackAsync(long version, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>Versions <paramref name="from"/> and <paramref name="to"/> side by side, with who wrote each.</summary>
    [ReadOnly, Alias("Diff")]
    Task<ConfigDiff> DiffAsync(long from, long to, CancellationToken cancellationToken = default);

    /// <summary>The audit trail of this config, newest first, with each version's state in Vault.</summary>
    [ReadOnly, Alias("History")]
    Task<ConfigHistory> GetHistoryAsync(int limit, int offset, CancellationToken cancellationToken = default);
}
