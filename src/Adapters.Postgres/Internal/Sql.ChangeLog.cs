namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The statements of the change log (table <c>config_changes</c>, migration 0001).</summary>
internal static partial class Sql
{
    /// <summary>The columns <see cref="ChangeRows.Read"/> reads, in its order.</summary>
    public const string ChangeColumns =
        "id, event_id, action, environment, service_name, key, old_version, new_version, is_encrypted, actor, request_id, occurred_at, recorded_at";

    private const string ConfigIs = "environment = @environment AND service_name = @service_name AND key = @key";

    /// <summary>Returns the new id, or no row when the event id is already recorded.</summary>
    public const string Begin = """
        INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, new_version,
                                    is_encrypted, actor, request_id, occurred_at, state)
        VALUES (@event_id, @action, @environment, @service_name, @key, @old_version, @new_version,
                @is_encrypted, @actor, @request_id, @occurred_at, 'pending')
        ON CONFLICT (event_id) DO NOTHING
        RETURNING id
        """;

    /// <summary>'changed' when this statement committed the intent, else the row's state; no row when there is none.</summary>
    public const string Commit = """
        WITH changed AS (
            UPDATE config_changes
               SET state = 'committed', new_version = @new_version, occurred_at = @occurred_at, committed_at = now()
             WHERE id = @id AND event_id = @event_id AND state = 'pending'
            RETURNING 'changed'::text AS result)
        SELECT result FROM changed
        UNION ALL
        SELECT state FROM config_changes
         WHERE id = @id AND event_id = @event_id AND NOT EXISTS (SELECT FROM changed)
        """;

    /// <summary>As <see cref="Commit"/>, for pending to aborted.</summary>
    public const string Abort = """
        WITH changed AS (
            UPDATE config_changes SET state = 'aborted'
             WHERE id = @id AND event_id = @event_id AND state = 'pending'
            RETURNING 'changed'::text AS result)
        SELECT result FROM changed
        UNION ALL
        SELECT state FROM config_changes
         WHERE id = @id AND event_id = @event_id AND NOT EXISTS (SELECT FROM changed)
        """;

    public const string LatestChangeId =
        "SELECT id FROM config_changes WHERE " + ConfigIs + " AND state <> 'aborted' ORDER BY id DESC LIMIT 1";

    /// <summary>Two results: the count of committed changes, then one page of them, newest first.</summary>
    public const string History =
        "SELECT count(*) FROM config_changes WHERE " + ConfigIs + " AND state = 'committed';\n" +
        "SELECT " + ChangeColumns + " FROM config_changes WHERE " + ConfigIs + " AND state = 'committed' " +
        "ORDER BY id DESC LIMIT @limit OFFSET @offset";
}
