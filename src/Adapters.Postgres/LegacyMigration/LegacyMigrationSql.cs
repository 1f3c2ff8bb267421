namespace ConfigCluster.Adapters.Postgres.LegacyMigration;

/// <summary>The statements of <see cref="PostgresLegacyMigrationStore"/> on table <c>legacy_migrations</c>.</summary>
internal static class LegacyMigrationSql
{
    public const string Start = """
        INSERT INTO legacy_migrations (id, source, actor, dry_run, remove_migrated, state, total, done, started_at, updated_at)
        VALUES (@id, @source, @actor, @dry_run, @remove_migrated, @state, @total, @done, @started_at, @started_at)
        """;

    public const string Progress = "UPDATE legacy_migrations SET done = @done, updated_at = @at WHERE id = @id AND state = 'running'";

    public const string Finish = """
        UPDATE legacy_migrations SET state = @state, done = @done, report = @report::jsonb, error = @error, updated_at = @at, finished_at = @at
        WHERE id = @id
        """;

    public const string ById = """
        SELECT id, source, actor, dry_run, remove_migrated, state, total, done, started_at, updated_at, finished_at, report::text, error
        FROM legacy_migrations WHERE id = @id
        """;
}
