namespace ConfigCluster.Gateway.Json;

/// <summary>A config as the API shows it (the guide's shape; <c>id</c> is always 0, decision 1).</summary>
public sealed record ConfigResponse(
    int Id,
    string Key,
    string Value,
    string Environment,
    string ServiceName,
    bool IsEncrypted,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ConfigResponse From(ConfigEntry entry) => new(
        0,
        entry.Address.Key,
        entry.Value,
        entry.Address.Environment,
        entry.Address.ServiceName,
        entry.IsEncrypted,
        entry.Version,
        entry.CreatedAt.UtcDateTime,
        entry.UpdatedAt.UtcDateTime);

    public override string ToString() => $"{Environment}/{ServiceName}/{Key} v{Version}";
}
