namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class SchemaTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    /// <summary>
    /// decisions 11-12: PostgreSQL keeps audit rows and events, never a config value. This is the whole
    /// schema; a migration that adds a table or a column must be reviewed against that rule and listed here.
    /// The orleans* tables (0002) hold cluster membership only: silo addresses, statuses, times and the
    /// provider's query texts. idempotency_keys (0004) holds a client's key and a fingerprint of the request's
    /// operation, config, encryption flag and caller: the value of a retried write is compared with Vault instead.
    /// api_keys (0005) holds each key's SHA-256, never the key; config_changes.details what an audit row of another
    /// entity says of it (a key's name and grants, a flag's definition). feature_flags (0006) holds flag definitions:
    /// variants are flag values, which are not configs (a secret belongs in a config, which a flag cannot reference).
    /// registry_* (0007) hold registered instances: where they listen, their metadata and tags, their checks and what
    /// the checks found; orleans_reminders (0007) which grain to wake when. legacy_migrations (0009) holds runs of the
    /// legacy-table migration: a source described without its password, counts, and a report of names, never a value.
    /// </summary>
    private static readonly string[] ExpectedColumns =
    [
        "api_keys.id uuid",
        "api_keys.name text",
        "api_keys.key_hash bytea",
        "api_keys.grants jsonb",
        "api_keys.created_at timestamp with time zone",
        "api_keys.created_by text",
        "api_keys.expires_at timestamp with time zone",
        "api_keys.revoked_at timestamp with time zone",
        "api_keys.updated_at timestamp with time zone",
        "config_changes.id bigint",
        "config_changes.event_id uuid",
        "config_changes.action text",
        "config_changes.environment text",
        "config_changes.service_name text",
        "config_changes.key text",
        "config_changes.old_version bigint",
        "config_changes.new_version bigint",
        "config_changes.is_encrypted boolean",
        "config_changes.actor text",
        "config_changes.request_id text",
        "config_changes.recorded_at timestamp with time zone",
        "config_changes.occurred_at timestamp with time zone",
        "config_changes.state text",
        "config_changes.committed_at timestamp with time zone",
        "config_changes.published_at timestamp with time zone",
        "config_changes.entity text",
        "config_changes.details jsonb",
        "feature_flags.environment text",
        "feature_flags.key text",
        "feature_flags.definition json",
        "feature_flags.version bigint",
        "feature_flags.created_at timestamp with time zone",
        "feature_flags.updated_at timestamp with time zone",
        "idempotency_keys.idempotency_key text",
        "idempotency_keys.change_id bigint",
        "idempotency_keys.fingerprint text",
        "idempotency_keys.created_at timestamp with time zone",
        "legacy_migrations.id uuid",
        "legacy_migrations.source text",
        "legacy_migrations.actor text",
        "legacy_migrations.dry_run boolean",
        "legacy_migrations.remove_migrated boolean",
        "legacy_migrations.state text",
        "legacy_migrations.total bigint",
        "legacy_migrations.done bigint",
        "legacy_migrations.started_at timestamp with time zone",
        "legacy_migrations.updated_at timestamp with time zone",
        "legacy_migrations.finished_at timestamp with time zone",
        "legacy_migrations.report jsonb",
        "legacy_migrations.error text",
        "orleans_cluster_members.deployment_id text",
        "orleans_cluster_members.address text",
        "orleans_cluster_members.port integer",
        "orleans_cluster_members.generation integer",
        "orleans_cluster_members.silo_name text",
        "orleans_cluster_members.host_name text",
        "orleans_cluster_members.status integer",
        "orleans_cluster_members.proxy_port integer",
        "orleans_cluster_members.suspect_times text",
        "orleans_cluster_members.start_time timestamp with time zone",
        "orleans_cluster_members.i_am_alive_time timestamp with time zone",
        "orleans_cluster_versions.deployment_id text",
        "orleans_cluster_versions.version integer",
        "orleans_cluster_versions.created_at timestamp with time zone",
        "orleans_cluster_versions.changed_at timestamp with time zone",
        "orleans_reminders.service_id text",
        "orleans_reminders.grain_id text",
        "orleans_reminders.reminder_name text",
        "orleans_reminders.start_time timestamp with time zone",
        "orleans_reminders.period bigint",
        "orleans_reminders.grain_hash integer",
        "orleans_reminders.version integer",
        "orleansquery.querykey text",
        "orleansquery.querytext text",
        "registry_instances.environment text",
        "registry_instances.service text",
        "registry_instances.instance_id text",
        "registry_instances.address text",
        "registry_instances.port integer",
        "registry_instances.scheme text",
        "registry_instances.metadata jsonb",
        "registry_instances.tags ARRAY",
        "registry_instances.weight integer",
        "registry_instances.health_check jsonb",
        "registry_instances.deregister_critical_after interval",
        "registry_instances.status text",
        "registry_instances.output text",
        "registry_instances.registered_at timestamp with time zone",
        "registry_instances.last_heartbeat_at timestamp with time zone",
        "registry_instances.status_changed_at timestamp with time zone",
        "registry_instances.modify_index bigint",
        "registry_services.environment text",
        "registry_services.service text",
        "registry_services.modify_index bigint",
        "schema_migrations.version integer",
        "schema_migrations.name text",
        "schema_migrations.applied_at timestamp with time zone",
    ];

    [Fact]
    public async Task NoColumnOfAnyTableCanHoldAConfigValue()
    {
        var columns = await fixture.Database.ColumnAsync<string>(
            "SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns " +
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name, ordinal_position");

        Assert.Equal(ExpectedColumns, columns);
    }

    [Fact]
    public async Task TheChangeLogAcceptsOnlyKnownActionsAndStates()
    {
        const string insert = "INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, " +
            "new_version, is_encrypted, actor, request_id, occurred_at, state) VALUES (gen_random_uuid(), @action, 'e', 's', 'k', " +
            "0, 1, false, 'a', 'r', now(), @state)";

        foreach (var (action, state) in new[] { ("renamed", "pending"), ("created", "published") })
        {
            var failure = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.ExecuteAsync(
                insert, new NpgsqlParameter<string>("action", action), new NpgsqlParameter<string>("state", state)));
            Assert.Equal(PostgresErrorCodes.CheckViolation, failure.SqlState);
        }
    }
}
