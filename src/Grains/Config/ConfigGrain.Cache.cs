using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// The shared cache (Redis) behind the grain's own memory. An entry is trusted only when it is younger
/// than the cache TTL and still carries the id of the config's newest change in the change log, so an
/// entry that a write could not remove (Redis unreachable then) is never served after that write.
/// </summary>
internal sealed partial class ConfigGrain
{
    /// <summary>
    /// The change id this activation last put in (or found valid in) the shared cache, with the version
    /// of the config it went with. A re-read that finds that same version in Vault tags the entry with it
    /// again instead of asking the change log, which keeps the change log out of TTL renewals. Safe: the
    /// value is what Vault holds now, and had the config changed since, the log's newest id would differ
    /// and readers would not trust the entry (a miss, never a stale answer).
    /// </summary>
    private (long Version, long ChangeId)? _sharedCacheTag;

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
        _sharedCacheTag = (cached.Version, cached.ChangeId);
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

        if (_sharedCacheTag is not { } tag || tag.Version != stored.Version)
        {
            var newest = await changes.LatestChangeIdAsync(_address, cancellationToken);
            if (!newest.IsOk)
            {
                return;
            }

            _sharedCacheTag = tag = (stored.Version, newest.Value ?? 0);
        }

        var entry = new CachedConfig(stored.Value, stored.Version, stored.CreatedAt, stored.UpdatedAt, tag.ChangeId, Now);
        await cache.SetAsync(_address, entry, _options.CacheTtl, cancellationToken);
    }
}
