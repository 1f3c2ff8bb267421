namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The statements of the change log (table <c>config_changes</c>, migration 0001).</summary>
internal static partial class Sql
{
    /// <summary>The columns <see cref="ChangeRows.Read"/> reads, in its order.</summary>
    public const string ChangeColumns =
        "id, event_id, action, environment, service_name, key, old_version, new_version, is_encrypted, actor, request_id, occurred_at, recorded_at, " +
        "entity, details";

    private const string ConfigIs = "environment = @environment AND service_name = @service_name AND key = @key";

    /// <summary>
    /// Returns the new id, or no row when the event id is already recorded or another change holds the
    /// idempotency key (within its retention, and not aborted). Key and intent are written by one statement.
    /// </summary>
    public const string Begin = """
        WITH new_change AS MATERIALIZED (
            SELECT nextval(pg_get_serial_sequence('config_changes', 'id')) AS id
        ), claimed AS (
            INSERT INTO idempotency_keys AS k (idempotency_key, change_id, fingerprint, created_at)
            SELECT @idempotency_key, id, @fingerprint, now() FROM new_change WHERE @idempotency_key IS NOT NULL
            ON CONFLICT (idempotency_key) DO UPDATE
               SET change_id = EXCLUDED.change_id, fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at
             WHERE k.created_at <= now() - @retention
                OR EXISTS (SELECT FROM config_changes c WHERE c.id = k.change_id AND c.state = 'aborted')
            RETURNING change_id
        )
        INSERT INTO config_changes (id, event_id, action, environment, service_name, key, old_version, new_version,
                                    is_encrypted, actor, request_id, occurred_at, state, details)
        SELECT id, @event_id, @action, @environment, @service_name, @key, @old_version, @new_version,
               @is_encrypted, @actor, @request_id, @occurred_at, 'pending', @details
          FROM new_change
         WHERE @idempotency_key IS NULL OR EXISTS (SELECT FROM claimed)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING id
        """;

    /// <summary>The change an idempotency key holds within its retention: <see cref="ChangeColumns"/>, then
    /// fingerprint, state and whether a later committed delete of the config superseded it.</summary>
    public const string FindByIdempotencyKey = """
        SELECT c.id, c.event_id, c.action, c.environment, c.service_name, c.key, c.old_version, c.new_version,
               c.is_encrypted, c.actor, c.request_id, c.occurred_at, c.recorded_at, c.entity, c.details,
               k.fingerprint, c.state,
               EXISTS (SELECT FROM config_changes d
                        WHERE d.environment = c.environment AND d.service_name = c.service_name AND d.key = c.key
                          AND d.id > c.id AND d.action = 'deleted' AND d.state = 'committed')
          FROM idempotency_keys k JOIN config_changes c ON c.id = k.change_id
         WHERE k.idempotency_key = @idempotency_key AND k.created_at > now() - @retention
        """;

    /// <summary>Deletes up to @batch keys past their retention, oldest first; returns how many.</summary>
    public const string DeleteExpiredIdempotencyKeys = """
        DELETE FROM idempotency_keys
         WHERE idempotency_key IN (SELECT idempotency_key FROM idempotency_keys
                                    WHERE created_at <= now() - @retention ORDER BY created_at LIMIT @batch)
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
