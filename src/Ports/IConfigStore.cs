namespace ConfigCluster.Ports;

/// <summary>
/// The single source of truth for configs (Vault KV). Writes are conditional on the version the
/// caller last saw, so that a change made outside the service is never overwritten blindly.
/// </summary>
public interface IConfigStore
{
    /// <summary>The current config, or <paramref name="version"/> when given.</summary>
    Task<StoreResult<StoredConfig>> ReadAsync(ConfigAddress address, long? version, CancellationToken cancellationToken);

    /// <summary>
    /// The current config, for a caller that read <paramref name="known"/> before. A store that can tell from
    /// the data alone that this version is still current answers with one read and keeps the known
    /// created_at; by default this is <see cref="ReadAsync"/> of the current config.
    /// </summary>
    Task<StoreResult<StoredConfig>> RereadAsync(ConfigAddress address, KnownVersion known, CancellationToken cancellationToken) =>
        ReadAsync(address, version: null, cancellationToken);

    /// <summary>
    /// Writes a new version if the current version is <paramref name="expectedVersion"/>
    /// (0: only if the config does not exist). Conflict otherwise.
    /// </summary>
    Task<StoreResult<StoredWrite>> WriteAsync(
        ConfigAddress address, string value, bool isEncrypted, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Removes the config with all its versions if its current version is <paramref name="expectedVersion"/>.</summary>
    Task<StoreResult<bool>> DeleteAsync(ConfigAddress address, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Keeps at most <paramref name="maxVersions"/> versions of the config.</summary>
    Task<StoreResult<bool>> SetMaxVersionsAsync(ConfigAddress address, int maxVersions, CancellationToken cancellationToken);

    /// <summary>Every config address of an environment, or of one service in it (unordered).</summary>
    Task<StoreResult<IReadOnlyList<ConfigAddress>>> ListAsync(
        string environment, string? serviceName, CancellationToken cancellationToken);

    /// <summary>The versions Vault still lists for the config (pruned ones are gone), by version number.</summary>
    Task<StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>> ReadVersionsAsync(
        ConfigAddress address, CancellationToken cancellationToken);

    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);
}
