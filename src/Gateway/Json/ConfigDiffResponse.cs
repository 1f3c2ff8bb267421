namespace ConfigCluster.Gateway.Json;

/// <summary>
/// GET /api/v1/config/{key}/diff: two versions side by side. <c>values_shown</c> says whether the values are in it: a
/// caller who may not reveal gets none when either side is encrypted, and still learns whether the value changed.
/// </summary>
public sealed record ConfigDiffResponse(
    string Key,
    string Environment,
    string ServiceName,
    ConfigDiffSide From,
    ConfigDiffSide To,
    bool ValueChanged,
    bool IsEncryptedChanged,
    bool ValuesShown)
{
    public static ConfigDiffResponse Of(ConfigDiff diff, bool showValues)
    {
        var (from, to) = (diff.From!, diff.To!);
        return new ConfigDiffResponse(from.Address.Key, from.Address.Environment, from.Address.ServiceName,
            ConfigDiffSide.Of(from, diff.FromAudit, showValues), ConfigDiffSide.Of(to, diff.ToAudit, showValues),
            diff.ValueChanged, from.IsEncrypted != to.IsEncrypted, showValues);
    }

    public override string ToString() => $"{Environment}/{ServiceName}/{Key} v{From.Version}..v{To.Version}";
}

/// <summary>One side of a diff: the version, its flag and time in Vault, who wrote it (from the audit trail), maybe its value.</summary>
public sealed record ConfigDiffSide(
    long Version,
    bool IsEncrypted,
    DateTime CreatedAt,
    string? Action,
    string? Actor,
    DateTime? ChangedAt,
    string? Value)
{
    public static ConfigDiffSide Of(ConfigEntry entry, ConfigVersionAudit? audit, bool showValue) => new(
        entry.Version, entry.IsEncrypted, entry.UpdatedAt.UtcDateTime, audit?.Action, audit?.Actor, audit?.At.UtcDateTime,
        showValue ? entry.Value : null);

    public override string ToString() => $"v{Version} (encrypted: {IsEncrypted})";
}
