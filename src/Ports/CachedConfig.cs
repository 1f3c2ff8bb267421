namespace ConfigCluster.Ports;

/// <summary>
/// A non-encrypted config as the shared cache holds it, with the id of the config's newest change
/// when it was cached: the entry is trusted only while that is still the newest change.
/// <see cref="CachedAt"/> bounds how long it is served (the cache TTL counts from then).
/// </summary>
public sealed record CachedConfig(
    string Value, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long ChangeId, DateTimeOffset CachedAt)
{
    public override string ToString() => $"v{Version} (change {ChangeId})";
}
