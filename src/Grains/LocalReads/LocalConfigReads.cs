using System.Collections.Concurrent;

namespace ConfigCluster.Grains.LocalReads;

/// <summary>
/// The answers of the config grains active in this silo, for the gateway in the same process: a cached
/// GET of such a config is a dictionary lookup, not a grain call. It holds no more than the grains do.
/// Only a grain puts an entry here, only for a plain config it holds as current, and it removes the
/// entry (in this process, synchronously) before it starts a write, forgets, or deactivates. An entry
/// also stops serving when the grain's own copy would go stale (the cache TTL). So a read served here
/// is the answer the grain would give: an acknowledged write is never followed by an older value, and
/// a change made directly in Vault shows within the TTL, as DECISIONS 10 asks. Grains in other silos
/// publish nothing here; their configs are read through the grain. Encrypted values never come here.
/// </summary>
public sealed class LocalConfigReads(TimeProvider time) : ILocalReadPublisher
{
    private readonly ConcurrentDictionary<ConfigAddress, LocalRead> _reads = new();

    /// <summary>How many configs this silo can currently answer locally.</summary>
    public int Count => _reads.Count;

    /// <summary>The grain's answer, or null when the grain must be asked.</summary>
    public ConfigResult? TryRead(ConfigAddress address) =>
        _reads.TryGetValue(address, out var read) && time.GetUtcNow() < read.FreshUntil ? read.Found : null;

    public void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset freshUntil)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (!found.Succeeded || found.Entry is not { IsEncrypted: false })
        {
            throw new ArgumentException("Only a plain config that was found may be answered locally.", nameof(found));
        }

        _reads[address] = new LocalRead(found, freshUntil);
    }

    public void Withdraw(ConfigAddress address) => _reads.TryRemove(address, out _);

    private sealed record LocalRead(ConfigResult Found, DateTimeOffset FreshUntil);
}
