namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// One config as an environment file holds it: its service, key, value and encryption flag. <see cref="Value"/> is
/// null for an encrypted config exported without its value (the exporter had no <c>reveal</c>). Names are as written
/// in the file: an import checks them.
/// </summary>
internal sealed record EnvironmentEntry(string ServiceName, string Key, string? Value, bool IsEncrypted)
{
    public static EnvironmentEntry From(ConfigEntry config, bool withValue) =>
        new(config.Address.ServiceName, config.Address.Key, withValue ? config.Value : null, config.IsEncrypted);

    /// <summary>Never prints the value: records' generated ToString would.</summary>
    public override string ToString() => $"{ServiceName}/{Key} (encrypted: {IsEncrypted}, value: {(Value is null ? "absent" : "present")})";
}
