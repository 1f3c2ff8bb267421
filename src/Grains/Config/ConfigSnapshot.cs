using ConfigCluster.Grains.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// What a config grain last saw in Vault, and when. The value is held only for non-encrypted
/// configs: an encrypted value exists nowhere but Vault.
/// </summary>
internal sealed record ConfigSnapshot(
    long Version,
    bool IsEncrypted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? PlainValue,
    DateTimeOffset SeenAt)
{
    public bool Exists => Version > 0;

    public static ConfigSnapshot Absent(DateTimeOffset seenAt) => new(0, false, default, default, null, seenAt);

    public static ConfigSnapshot Of(StoredConfig stored, DateTimeOffset seenAt) =>
        new(stored.Version, stored.IsEncrypted, stored.CreatedAt, stored.UpdatedAt,
            stored.IsEncrypted ? null : stored.Value, seenAt);

    public bool IsFresh(DateTimeOffset now, TimeSpan ttl) => now - SeenAt < ttl;

    /// <summary>The config as an entry when this snapshot may serve it (exists and not encrypted).</summary>
    public ConfigEntry? ToCachedEntry(ConfigAddress address) =>
        Exists && PlainValue is not null
            ? new ConfigEntry(address, PlainValue, IsEncrypted, Version, CreatedAt, UpdatedAt)
            : null;

    public override string ToString() => $"v{Version} (encrypted: {IsEncrypted}, seen {SeenAt:O})";
}
