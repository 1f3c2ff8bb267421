namespace ConfigCluster.Adapters.Postgres.Flags;

/// <summary>The statements of the flag store (table <c>feature_flags</c>, migration 0006).</summary>
internal static class FlagSql
{
    public const string Channel = "feature_flags";

    public const string Columns = "environment, key, definition::text, version, created_at, updated_at";

    public const string ByEnvironment = "SELECT " + Columns + " FROM feature_flags WHERE environment = @environment ORDER BY key";

    public const string One = "SELECT " + Columns + " FROM feature_flags WHERE environment = @environment AND key = @key";

    public const string Lock = "SELECT version FROM feature_flags WHERE environment = @environment AND key = @key FOR UPDATE";

    public const string Insert = """
        INSERT INTO feature_flags (environment, key, definition, version, created_at, updated_at)
        VALUES (@environment, @key, @definition::json, 1, now(), now())
        RETURNING
        """ + " " + Columns;

    public const string Update = """
        UPDATE feature_flags SET definition = @definition::json, version = version + 1, updated_at = now()
         WHERE environment = @environment AND key = @key
        RETURNING
        """ + " " + Columns;

    public const string Delete = "DELETE FROM feature_flags WHERE environment = @environment AND key = @key";

    /// <summary>The audit row, committed at once, and the announcements: to the relay (outbox) and to every silo (flag changed).</summary>
    public const string Audit = """
        WITH audit AS (
            INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, new_version,
                                        is_encrypted, actor, request_id, occurred_at, state, committed_at, entity, details)
            VALUES (@event_id, @action, @environment, '*', @key, @old_version, @new_version, false, @actor, @request_id,
                    @occurred_at, 'committed', now(), 'flag', @definition::jsonb)
            RETURNING id)
        SELECT pg_notify('config_changes', audit.id::text), pg_notify('feature_flags', @environment || '/' || @key) FROM audit
        """;
}
