namespace ConfigCluster.Ports;

/// <summary>A version of a config that the caller read before: its number, and its two times from Vault's metadata.</summary>
public sealed record KnownVersion(long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
