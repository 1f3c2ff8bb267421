using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Changes;

/// <summary>The shared cache when no Redis is configured: always a miss.</summary>
internal sealed class NoConfigCache : IConfigCache
{
    public Task<CachedConfig?> GetAsync(ConfigAddress address, CancellationToken cancellationToken) =>
        Task.FromResult<CachedConfig?>(null);

    public Task<bool> SetAsync(ConfigAddress address, CachedConfig entry, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public Task<bool> RemoveAsync(ConfigAddress address, CancellationToken cancellationToken) => Task.FromResult(false);
}
