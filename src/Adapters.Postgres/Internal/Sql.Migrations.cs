namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The statements of <see cref="MigrationRunner"/>.</summary>
internal static partial class Sql
{
    /// <summary>The transaction-level advisory lock key that serializes migrations ("CCMIGRA" in ASCII).</summary>
    public const long MigrationLockKey = 0x43_43_4D_49_47_52_41;

    public const string LockMigrations = "SELECT pg_advisory_xact_lock(@key)";

    public const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    int         PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    public const string AppliedVersions = "SELECT version FROM schema_migrations ORDER BY version";

    public const string RecordMigration = "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)";
}
