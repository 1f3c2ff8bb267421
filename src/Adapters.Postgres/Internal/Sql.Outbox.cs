namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The relay's statements: outbox reads, stale intents, the lease and the commit channel.</summary>
internal static partial class Sql
{
    /// <summary>The channel the commit trigger notifies (migration 0001).</summary>
    public const string CommitChannel = "config_changes";

    /// <summary>The session-level advisory lock key of the relay lease ("CCRELAY" in ASCII).</summary>
    public const long RelayLeaseKey = 0x43_43_52_45_4C_41_59;

    public const string Unpublished =
        "SELECT " + ChangeColumns + " FROM config_changes WHERE state = 'committed' AND published_at IS NULL " +
        "AND id < coalesce((SELECT min(id) FROM config_changes WHERE state = 'pending'), 9223372036854775807) " +
        "ORDER BY id LIMIT @max";

    public const string MarkPublished =
        "UPDATE config_changes SET published_at = now() WHERE id = ANY(@ids) AND published_at IS NULL";

    public const string StalePending =
        "SELECT " + ChangeColumns + " FROM config_changes WHERE state = 'pending' AND recorded_at < now() - @older_than " +
        "ORDER BY recorded_at, id LIMIT @max";

    public const string TryLockRelay = "SELECT pg_try_advisory_lock(@key)";

    public const string UnlockRelay = "SELECT pg_advisory_unlock(@key)";

    public const string Listen = "LISTEN " + CommitChannel;

    public const string Unlisten = "UNLISTEN " + CommitChannel;

    /// <summary>The probe: the schema version, or SQLSTATE 42P01 when no migration ran.</summary>
    public const string SchemaVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
}
