namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>
/// One row of a legacy config table, as read: any name may be missing or invalid (the migration's plan says so).
/// <see cref="Value"/> is a config value: never logged or shown.
/// </summary>
public sealed record LegacyRow(string? Environment, string? ServiceName, string? Key, string? Value, bool IsEncrypted)
{
    /// <summary>Never prints the value: records' generated ToString would.</summary>
    public override string ToString() => $"legacy row {Environment}/{ServiceName}/{Key} (encrypted: {IsEncrypted})";
}
