namespace ConfigCluster.Ports;

/// <summary>One version Vault still lists for a config: when it was written, and whether it was deleted or destroyed.</summary>
public sealed record StoredVersionInfo(long Version, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt, bool Destroyed);
