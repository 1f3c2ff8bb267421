using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>A migration asked for: the legacy database (a credential: never logged or shown), its table, and how to run.</summary>
public sealed record LegacyMigrationRequest(string ConnectionString, LegacyTable Table, bool DryRun, bool RemoveMigrated)
{
    /// <summary>Never prints the connection string: records' generated ToString would.</summary>
    public override string ToString() => $"migration of table {Table.Table} (dry run: {DryRun}, remove migrated: {RemoveMigrated})";
}
