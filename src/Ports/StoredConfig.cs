namespace ConfigCluster.Ports;

/// <summary>A config version as the store holds it.</summary>
public sealed record StoredConfig(
    string Value,
    bool IsEncrypted,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public override string ToString() => $"v{Version} (encrypted: {IsEncrypted})";
}
