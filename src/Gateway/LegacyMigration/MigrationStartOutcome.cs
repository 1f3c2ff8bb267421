namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>How asking for a migration went; every outcome but <see cref="Started"/> changed nothing.</summary>
public enum MigrationStartOutcome
{
    Started = 0,

    /// <summary>The connection string is neither a postgresql:// URI nor Npgsql keywords.</summary>
    InvalidConnectionString = 1,

    /// <summary>The legacy table cannot be read: no server, no login, no table or no such column.</summary>
    SourceUnavailable = 2,

    /// <summary>The service's own PostgreSQL (where runs are kept) is not configured or not answering.</summary>
    StoreUnavailable = 3,
}
