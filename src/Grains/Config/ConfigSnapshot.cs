using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// What a config grain last saw in Vault, and when. The value is held only for non-encrypted
/// configs: an encrypted value exists nowhere but Vault. A class, not a record: it carries the read
/// answer it made (<see cref="ToCachedResult"/>), which only a snapshot of the very same state may share
/// (<see cref="SeenAgainAt"/>); neither record equality nor a <c>with</c> copy could keep to that.
/// </summary>
internal sealed class ConfigSnapshot(
    long version,
    bool isEncrypted,
    DateTimeOffset createdAt,
    DateTimeOffset updatedAt,
    string? plainValue,
    DateTimeOffset seenAt)
{
    /// <summary>The answer to reads while this snapshot serves them; see <see cref="ToCachedResult"/>.</summary>
    private ConfigResult? _cachedResult;

    public long Version { get; } = version;

    public bool IsEncrypted { get; } = isEncrypted;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; } = updatedAt;

    public string? PlainValue { get; } = plainValue;

    public DateTimeOffset SeenAt { get; } = seenAt;

    public bool Exists => Version > 0;

    public static ConfigSnapshot Absent(DateTimeOffset seenAt) => new(0, false, default, default, null, seenAt);

    public static ConfigSnapshot Of(StoredConfig stored, DateTimeOffset seenAt) =>
        new(stored.Version, stored.IsEncrypted, stored.CreatedAt, stored.UpdatedAt,
            stored.IsEncrypted ? null : stored.Value, seenAt);

    public bool IsFresh(DateTimeOffset now, TimeSpan ttl) => now - SeenAt < ttl;

    /// <summary>Whether <paramref name="stored"/> is this very state of the config (version, times, encryption, value).</summary>
    public bool Holds(StoredConfig stored) =>
        Exists && stored.Version == Version && stored.IsEncrypted == IsEncrypted
        && stored.CreatedAt == CreatedAt && stored.UpdatedAt == UpdatedAt
        && (IsEncrypted || stored.Value == PlainValue);

    /// <summary>The same state, seen again at <paramref name="seenAt"/>: it keeps the read answer already made.</summary>
    public ConfigSnapshot SeenAgainAt(DateTimeOffset seenAt) =>
        new(Version, IsEncrypted, CreatedAt, UpdatedAt, PlainValue, seenAt) { _cachedResult = _cachedResult };

    /// <summary>
    /// The answer to a read when this snapshot may serve it (exists and not encrypted): made once and
    /// shared by every read of the snapshot (results are immutable). A caller in the same silo receives
    /// this very instance, and the silo's local reads render it once for all its readers.
    /// </summary>
    public ConfigResult? ToCachedResult(ConfigAddress address) =>
        Exists && PlainValue is not null
            ? _cachedResult ??= ConfigResult.Found(new ConfigEntry(address, PlainValue, IsEncrypted, Version, CreatedAt, UpdatedAt))
            : null;

    public override string ToString() => $"v{Version} (encrypted: {IsEncrypted}, seen {SeenAt:O})";
}
