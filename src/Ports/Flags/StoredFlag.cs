namespace ConfigCluster.Ports.Flags;

/// <summary>
/// A feature flag as stored: its environment and key, its definition as JSON (the API's shape, without key,
/// environment, version and times, which are columns), its version and when it was created and last changed.
/// </summary>
public sealed record StoredFlag(string Environment, string Key, string DefinitionJson, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
