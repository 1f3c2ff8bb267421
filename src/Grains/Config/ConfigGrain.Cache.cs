using ConfigCluster.Grains.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// The shared cache (Redis) behind the grain's own memory. An entry is trusted only when it is younger
/// than the cache TTL and still carries the id of the config's newest change in the change log, so an
/// entry that a write could not remove (Redis unreachable then) is never served after that write.
/// </summary>
internal sealed partial class ConfigGrain
{
    private async Task<ConfigResult?> ReadSharedCacheAsync(CancellationToken cancellationToken)
    {
        var cached = await cache.GetAsync(_address, cancellationToken);
        if (cached is null || Now - cached.CachedAt >= _options.CacheTtl)
        {
            return null;
        }

        var latest = await changes.LatestChangeIdAsync(_address, cancellationToken);
        if (!latest.IsOk || (latest.Value ?? 0) != cached.ChangeId)
        {
            return null;
        }

        var snapshot = new ConfigSnapshot(cached.Version, false, cached.CreatedAt, cached.UpdatedAt, cached.Value, cached.CachedAt);
        Know(snapshot);
        return snapshot.ToCachedResult(_address);
    }

    /// <summary>
    /// Caches a plain value read from Vault under the config's newest change id. Writes of this config
    /// never run during a read (they do not interleave), so no change of ours can slip between the two.
    /// </summary>
    private async Task FillSharedCacheAsync(StoredConfig stored, CancellationToken cancellationToken)
    {
        if (stored.IsEncrypted)
        {
            return;
        }

        var newest = await changes.LatestChangeIdAsync(_address, cancellationToken);
        if (!newest.IsOk)
        {
            return;
        }

        var entry = new CachedConfig(stored.Value, stored.Version, stored.CreatedAt, stored.UpdatedAt, newest.Value ?? 0, Now);
        await cache.SetAsync(_address, entry, _options.CacheTtl, cancellationToken);
    }
}
