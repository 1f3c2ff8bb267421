namespace ConfigCluster.Ports;

/// <summary>
/// The shared cache of non-encrypted configs (Redis). Never given an encrypted value. Every call
/// is bounded in time and never throws for an unreachable cache: a miss, or false.
/// </summary>
public interface IConfigCache
{
    Task<CachedConfig?> GetAsync(ConfigAddress address, CancellationToken cancellationToken);

    Task<bool> SetAsync(ConfigAddress address, CachedConfig entry, TimeSpan timeToLive, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(ConfigAddress address, CancellationToken cancellationToken);
}
