namespace ConfigCluster.Ports;

/// <summary>What a successful write created: the new version and when it was written.</summary>
public sealed record StoredWrite(long Version, DateTimeOffset WrittenAt);
