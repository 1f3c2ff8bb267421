namespace ConfigCluster.Gateway.Json;

/// <summary>A config as the API shows it (the guide's shape; <c>id</c> is always 0, decision 1).</summary>
public sealed record ConfigResponse(
    int Id,
    string Key,
    string? Value,
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

    /// <summary>The config without its value: an encrypted one in a page for a caller that may not reveal it.</summary>
    public ConfigResponse WithoutValue() => this with { Value = null };

    public override string ToString() => $"{Environment}/{ServiceName}/{Key} v{Version}";
}
