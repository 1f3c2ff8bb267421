using System.Collections.Concurrent;

namespace ConfigCluster.Grains.LocalReads;

/// <summary>
/// The answers of the config grains active in this silo, for the gateway in the same process: a cached
/// GET of such a config is a dictionary lookup, not a grain call. It holds no more than the grains do.
/// Only a grain puts an entry here, only for a plain config it holds as current, and it removes the
/// entry (in this process, synchronously) before it starts a write, forgets, or deactivates. An entry
/// also stops serving when the grain's own copy would go stale (the cache TTL). So a read served here
/// is the answer the grain would give: an acknowledged write is never followed by an older value, and
/// a change made directly in Vault shows within the TTL, as decision 10 asks. Grains in other silos
/// publish nothing here; their configs are read through the grain. Encrypted values never come here.
/// With a <see cref="ILocalReadRenderer"/>, each published answer is rendered once, for all its readers.
/// </summary>
public sealed class LocalConfigReads(TimeProvider time, ILocalReadRenderer? renderer = null) : ILocalReadPublisher
{
    // Keyed by address; the look-up by parts serves requests, which have the names only as spans.
    private readonly ConcurrentDictionary<ConfigAddress, LocalRead>.AlternateLookup<ConfigAddressParts> _byParts =
        new ConcurrentDictionary<ConfigAddress, LocalRead>(ConfigAddressParts.Comparer.Instance).GetAlternateLookup<ConfigAddressParts>();

    private ConcurrentDictionary<ConfigAddress, LocalRead> Reads => _byParts.Dictionary;

    /// <summary>How many configs this silo can currently answer locally.</summary>
    public int Count => Reads.Count;

    /// <summary>The grain's answer, or null when the grain must be asked.</summary>
    public ConfigResult? TryRead(ConfigAddress address) => TryRead(address, out _);

    /// <summary>
    /// The grain's answer, or null when the grain must be asked. <paramref name="renew"/> is true for the
    /// one reader that first finds the answer past its renewal point: that reader asks the grain to
    /// re-read Vault (<see cref="IConfigGrain.RenewAsync"/>), so that the entry is replaced before it expires.
    /// </summary>
    public ConfigResult? TryRead(ConfigAddress address, out bool renew) =>
        Fresh(Reads.TryGetValue(address, out var read) ? read : null, out renew)?.Found;

    /// <summary>
    /// As <see cref="TryRead(ConfigAddress, out bool)"/> for the config these parts of a request name, but
    /// the renderer's rendering of the answer (null also when no renderer was given), found without
    /// allocating. <paramref name="renew"/> is the config's address when this reader is to ask for the renewal.
    /// </summary>
    public object? TryReadRendered(
        ReadOnlySpan<char> environment, ReadOnlySpan<char> serviceName, ReadOnlySpan<char> key, out ConfigAddress? renew)
    {
        var found = _byParts.TryGetValue(new ConfigAddressParts(environment, serviceName, key), out var address, out var read);
        var fresh = Fresh(found ? read : null, out var due);
        renew = due ? address : null;
        return fresh?.Rendered;
    }

    private LocalRead? Fresh(LocalRead? read, out bool renew)
    {
        renew = false;
        if (read is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now >= read.FreshUntil)
        {
            return null;
        }

        renew = now >= read.RenewFrom && read.ClaimRenewal();
        return read;
    }

    public void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (!found.Succeeded || found.Entry is not { IsEncrypted: false })
        {
            throw new ArgumentException("Only a plain config that was found may be answered locally.", nameof(found));
        }

        // A renewal that found the same state republishes the very same answer: keep its rendering.
        var rendered = Reads.TryGetValue(address, out var previous) && ReferenceEquals(previous.Found, found)
            ? previous.Rendered
            : renderer?.Render(found.Entry);
        Reads[address] = new LocalRead(found, rendered, renewFrom, freshUntil);
    }

    public void Withdraw(ConfigAddress address) => Reads.TryRemove(address, out _);

    private sealed class LocalRead(ConfigResult found, object? rendered, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
    {
        private int _renewalClaimed;

        public ConfigResult Found { get; } = found;

        public object? Rendered { get; } = rendered;

        public DateTimeOffset RenewFrom { get; } = renewFrom;

        public DateTimeOffset FreshUntil { get; } = freshUntil;

        /// <summary>True once per published answer: one renewal request, not one per reader.</summary>
        public bool ClaimRenewal() => Interlocked.Exchange(ref _renewalClaimed, 1) == 0;
    }
}
