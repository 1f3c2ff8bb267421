using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>
/// The plan for one legacy row, as a pure function of the row and what Vault holds at its address: invalid (the
/// reason from the naming and value rules), create, unchanged, or conflict. A dry run reports these; a real run acts on them.
/// </summary>
public static class MigrationPlan
{
    /// <summary>Null when the row may become a config, else the first rule it breaks.</summary>
    public static NameProblem? Check(LegacyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return ConfigName.Check("environment", row.Environment)
            ?? ConfigName.Check("service_name", row.ServiceName)
            ?? ConfigName.Check("key", row.Key)
            ?? ConfigValueLimits.Check(row.Value);
    }

    /// <param name="row">The legacy row.</param>
    /// <param name="current">The config at the row's address, or null when there is none.</param>
    public static RowVerdict Classify(LegacyRow row, ConfigEntry? current)
    {
        if (Check(row) is { } problem)
        {
            return new RowVerdict(RowAction.Invalid, problem.Message);
        }

        if (current is null)
        {
            return RowVerdict.Create;
        }

        if (!string.Equals(current.Value, row.Value, StringComparison.Ordinal))
        {
            return new RowVerdict(RowAction.Conflict, "Vault holds another value.");
        }

        return current.IsEncrypted == row.IsEncrypted
            ? RowVerdict.Unchanged
            : new RowVerdict(RowAction.Conflict, $"Vault holds the same value with is_encrypted {(current.IsEncrypted ? "true" : "false")}.");
    }
}
