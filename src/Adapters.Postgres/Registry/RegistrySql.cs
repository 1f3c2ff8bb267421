namespace ConfigCluster.Adapters.Postgres.Registry;

/// <summary>The statements of the registry store (tables <c>registry_services</c> and <c>registry_instances</c>, migration 0007).</summary>
internal static class RegistrySql
{
    public const string Channel = "registry_changes";

    public const string Columns = """
        environment, service, instance_id, address, port, scheme, metadata::text, tags, weight, health_check::text,
        deregister_critical_after, status, output, registered_at, last_heartbeat_at, status_changed_at, modify_index
        """;

    public const string One = "SELECT " + Columns + " FROM registry_instances WHERE environment = @environment AND service = @service AND instance_id = @instance_id";

    public const string ByEnvironment = "SELECT " + Columns + " FROM registry_instances WHERE environment = @environment ORDER BY service, instance_id";

    public const string ByService = "SELECT " + Columns + " FROM registry_instances WHERE environment = @environment AND service = @service ORDER BY instance_id";

    public const string IndexesByEnvironment = "SELECT service, modify_index FROM registry_services WHERE environment = @environment";

    public const string IndexesByService = "SELECT service, modify_index FROM registry_services WHERE environment = @environment AND service = @service";

    /// <summary>Takes the next registry index as the service's; the instance written next in the transaction takes it too.</summary>
    public const string NextIndex = """
        INSERT INTO registry_services (environment, service, modify_index) VALUES (@environment, @service, nextval('registry_index'))
        ON CONFLICT (environment, service) DO UPDATE SET modify_index = excluded.modify_index
        RETURNING modify_index
        """;

    /// <summary>The instance's current index and status, its row locked: null when it is not registered.</summary>
    public const string Lock = "SELECT modify_index, status FROM registry_instances WHERE environment = @environment AND service = @service AND instance_id = @instance_id FOR UPDATE";

    public const string Upsert = """
        INSERT INTO registry_instances (environment, service, instance_id, address, port, scheme, metadata, tags, weight, health_check,
                                        deregister_critical_after, status, output, registered_at, last_heartbeat_at, status_changed_at, modify_index)
        VALUES (@environment, @service, @instance_id, @address, @port, @scheme, @metadata::jsonb, @tags, @weight, @health_check::jsonb,
                @deregister_critical_after, @status, @output, @registered_at, @last_heartbeat_at, @status_changed_at, @modify_index)
        ON CONFLICT (environment, service, instance_id) DO UPDATE
        SET address = excluded.address, port = excluded.port, scheme = excluded.scheme, metadata = excluded.metadata, tags = excluded.tags,
            weight = excluded.weight, health_check = excluded.health_check, deregister_critical_after = excluded.deregister_critical_after,
            status = excluded.status, output = excluded.output, last_heartbeat_at = excluded.last_heartbeat_at,
            status_changed_at = excluded.status_changed_at, modify_index = excluded.modify_index
        RETURNING
        """ + " " + Columns;

    public const string Status = """
        UPDATE registry_instances
           SET status = @status, output = @output, last_heartbeat_at = @last_heartbeat_at, status_changed_at = @status_changed_at,
               modify_index = @modify_index
         WHERE environment = @environment AND service = @service AND instance_id = @instance_id
        RETURNING
        """ + " " + Columns;

    public const string Delete = "DELETE FROM registry_instances WHERE environment = @environment AND service = @service AND instance_id = @instance_id";

    /// <summary>The audit row, committed at once, and the announcements: to the relay (outbox) and to every silo (service changed).</summary>
    public const string Audit = """
        WITH audit AS (
            INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, new_version,
                                        is_encrypted, actor, request_id, occurred_at, state, committed_at, entity, details)
            VALUES (@event_id, @action, @environment, @service, @instance_id, @old_version, @new_version, false, @actor, @request_id,
                    @occurred_at, 'committed', now(), 'instance', @details::jsonb)
            RETURNING id)
        SELECT pg_notify('config_changes', audit.id::text), pg_notify('registry_changes', @environment || '/' || @service) FROM audit
        """;
}
