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
    public ConfigResult? TryRead(ConfigAddress address) => TryRead(address, out _);

    /// <summary>
    /// The grain's answer, or null when the grain must be asked. <paramref name="renew"/> is true for the
    /// one reader that first finds the answer past its renewal point: that reader asks the grain to
    /// re-read Vault (<see cref="IConfigGrain.RenewAsync"/>), so that the entry is replaced before it expires.
    /// </summary>
    public ConfigResult? TryRead(ConfigAddress address, out bool renew)
    {
        renew = false;
        if (!_reads.TryGetValue(address, out var read))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now >= read.FreshUntil)
        {
            return null;
        }

        renew = now >= read.RenewFrom && read.ClaimRenewal();
        return read.Found;
    }

    public void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (!found.Succeeded || found.Entry is not { IsEncrypted: false })
        {
            throw new ArgumentException("Only a plain config that was found may be answered locally.", nameof(found));
        }

        _reads[address] = new LocalRead(found, renewFrom, freshUntil);
    }

    public void Withdraw(ConfigAddress address) => _reads.TryRemove(address, out _);

    private sealed class LocalRead(ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
    {
        private int _renewalClaimed;

        public ConfigResult Found { get; } = found;

        public DateTimeOffset RenewFrom { get; } = renewFrom;

        public DateTimeOffset FreshUntil { get; } = freshUntil;

        /// <summary>True once per published answer: one renewal request, not one per reader.</summary>
        public bool ClaimRenewal() => Interlocked.Exchange(ref _renewalClaimed, 1) == 0;
    }
}
