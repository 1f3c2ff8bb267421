using System.Text.Json;
using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Registry;

/// <summary>
/// <see cref="IRegistryStore"/> on tables <c>registry_services</c> and <c>registry_instances</c>. A write locks the
/// instance's row, takes the next registry index for the instance and its service, changes the row, writes the audit
/// row and announces the change, in one transaction.
/// </summary>
public sealed class PostgresRegistryStore(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresRegistryStore> logger)
    : IRegistryStore
{
    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);
    private readonly ChangeFollower _follower = new(dataSource, RegistrySql.Channel, options.Value.CommandTimeout, logger);

    public Task<StoreResult<RegistryInstance?>> ReadAsync(string environment, string service, string instanceId, CancellationToken cancellationToken) =>
        _guard.RunAsync("read instance", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(RegistrySql.One, connection);
            AddNames(command.Parameters, environment, service, instanceId);
            var instances = await ReadInstancesAsync(command, token);
            return StoreResult<RegistryInstance?>.Ok(instances.Count == 1 ? instances[0] : null);
        }, cancellationToken);

    public Task<StoreResult<RegistryListing>> ListAsync(string environment, string? service, CancellationToken cancellationToken) =>
        _guard.RunAsync("list instances", async (connection, token) =>
        {
            // One snapshot for both reads, so that every instance's index is at most its service's.
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, token);
            await using var indexes = new NpgsqlCommand(service is null ? RegistrySql.IndexesByEnvironment : RegistrySql.IndexesByService, connection, transaction);
            AddNames(indexes.Parameters, environment, service, null);
            Dictionary<string, long> byService = new(StringComparer.Ordinal);
            await using (var reader = await indexes.ExecuteReaderAsync(token))
            {
                while (await reader.ReadAsync(token))
                {
                    byService[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            await using var instances = new NpgsqlCommand(service is null ? RegistrySql.ByEnvironment : RegistrySql.ByService, connection, transaction);
            AddNames(instances.Parameters, environment, service, null);
            var read = await ReadInstancesAsync(instances, token);
            await transaction.CommitAsync(token);
            return StoreResult<RegistryListing>.Ok(new RegistryListing(read, byService));
        }, cancellationToken);

    public async Task<RegistryWriteResult> WriteAsync(RegistryWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var result = await _guard.RunAsync("write instance", async (connection, token) =>
            StoreResult<RegistryWriteResult>.Ok(await WriteAsync(connection, write, token)), cancellationToken);
        return result.IsOk ? result.Value! : new RegistryWriteResult(RegistryWriteOutcome.Unavailable, Detail: result.Detail);
    }

    public Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken) =>
        _follower.RunAsync(changed, resync, cancellationToken);

    private static async Task<RegistryWriteResult> WriteAsync(NpgsqlConnection connection, RegistryWrite write, CancellationToken cancellationToken)
    {
        var instance = write.Instance;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (oldIndex, oldStatus) = await LockAsync(connection, transaction, instance, cancellationToken);
        if (oldIndex is null && write.Kind != RegistryWriteKind.Register)
        {
            return new RegistryWriteResult(RegistryWriteOutcome.NotFound);
        }

        var index = await NextIndexAsync(connection, transaction, instance, cancellationToken);
        RegistryInstance? written = null;
        if (write.Kind is RegistryWriteKind.Deregister or RegistryWriteKind.Expire)
        {
            await using var delete = new NpgsqlCommand(RegistrySql.Delete, connection, transaction);
            AddNames(delete.Parameters, instance.Environment, instance.Service, instance.InstanceId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var command = new NpgsqlCommand(write.Kind == RegistryWriteKind.Register ? RegistrySql.Upsert : RegistrySql.Status, connection, transaction);
            AddInstance(command.Parameters, instance, index, registration: write.Kind == RegistryWriteKind.Register);
            written = (await ReadInstancesAsync(command, cancellationToken))[0];
        }

        var action = write.Kind switch
        {
            RegistryWriteKind.Register when oldIndex is null => "created",
            RegistryWriteKind.Deregister or RegistryWriteKind.Expire => "deleted",
            _ => "updated",
        };
        await AuditAsync(connection, transaction, write, action, oldIndex ?? 0, written is null ? 0 : index,
            RegistryAuditDetails.Of(write, oldStatus), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistryWriteResult(RegistryWriteOutcome.Written, written ?? instance with { Index = index }, Created: oldIndex is null);
    }

    private static async Task<(long? Index, InstanceStatus? Status)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RegistryInstance instance, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RegistrySql.Lock, connection, transaction);
        AddNames(command.Parameters, instance.Environment, instance.Service, instance.InstanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, null);
        }

        InstanceStatuses.TryParse(reader.GetString(1), out var status);
        return (reader.GetInt64(0), status);
    }

    private static async Task<long> NextIndexAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RegistryInstance instance, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RegistrySql.NextIndex, connection, transaction);
        AddNames(command.Parameters, instance.Environment, instance.Service, null);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task AuditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RegistryWrite write, string action, long oldIndex, long newIndex,
        string details, CancellationToken cancellationToken)
    {
        var instance = write.Instance;
        await using var command = new NpgsqlCommand(RegistrySql.Audit, connection, transaction);
        AddNames(command.Parameters, instance.Environment, instance.Service, instance.InstanceId);
        command.Parameters.Add(new NpgsqlParameter<Guid>("event_id", write.EventId));
        command.Parameters.Add(new NpgsqlParameter<string>("action", action));
        command.Parameters.Add(new NpgsqlParameter<long>("old_version", oldIndex));
        command.Parameters.Add(new NpgsqlParameter<long>("new_version", newIndex));
        command.Parameters.Add(new NpgsqlParameter<string>("actor", write.Actor));
        command.Parameters.Add(new NpgsqlParameter<string>("request_id", write.RequestId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurred_at", write.At.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<string>("details", details));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddInstance(NpgsqlParameterCollection parameters, RegistryInstance instance, long index, bool registration)
    {
        AddNames(parameters, instance.Environment, instance.Service, instance.InstanceId);
        parameters.Add(new NpgsqlParameter<string>("status", InstanceStatuses.ToText(instance.Status)));
        parameters.Add(new NpgsqlParameter<string>("output", instance.Output));
        parameters.Add(new NpgsqlParameter("last_heartbeat_at", NpgsqlTypes.NpgsqlDbType.TimestampTz)
        {
            Value = instance.LastHeartbeatAt is { } at ? at.ToUniversalTime() : DBNull.Value,
        });
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("status_changed_at", instance.StatusChangedAt.ToUniversalTime()));
        parameters.Add(new NpgsqlParameter<long>("modify_index", index));
        if (!registration)
        {
            return;
        }

        var r = instance.Registration;
        parameters.Add(new NpgsqlParameter<string>("address", r.Address));
        parameters.Add(new NpgsqlParameter<int>("port", r.Port));
        parameters.Add(new NpgsqlParameter<string>("scheme", r.Scheme));
        parameters.Add(new NpgsqlParameter<string>("metadata", JsonSerializer.Serialize(r.Metadata, RegistryStoreJson.Default.IReadOnlyDictionaryStringString)));
        parameters.Add(new NpgsqlParameter<string[]>("tags", [.. r.Tags]));
        parameters.Add(new NpgsqlParameter<int>("weight", r.Weight));
        parameters.Add(new NpgsqlParameter<string>("health_check", RegistryCheckJson.ToJson(r.Check)));
        parameters.Add(new NpgsqlParameter<TimeSpan>("deregister_critical_after", r.DeregisterCriticalAfter));
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("registered_at", instance.RegisteredAt.ToUniversalTime()));
    }

    private static async Task<List<RegistryInstance>> ReadInstancesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<RegistryInstance> instances = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            using var check = JsonDocument.Parse(reader.GetString(9));
            var registration = new InstanceRegistration(
                reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
                JsonSerializer.Deserialize(reader.GetString(6), RegistryStoreJson.Default.DictionaryStringString) ?? [],
                reader.GetFieldValue<string[]>(7), reader.GetInt32(8), RegistryCheckJson.Read(check.RootElement),
                reader.GetFieldValue<TimeSpan>(10));
            InstanceStatuses.TryParse(reader.GetString(11), out var status);
            instances.Add(new RegistryInstance(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), registration, status, reader.GetString(12),
                reader.GetFieldValue<DateTimeOffset>(13),
                reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                reader.GetFieldValue<DateTimeOffset>(15), reader.GetInt64(16)));
        }

        return instances;
    }

    private static void AddNames(NpgsqlParameterCollection parameters, string environment, string? service, string? instanceId)
    {
        parameters.Add(new NpgsqlParameter<string>("environment", environment));
        if (service is not null)
        {
            parameters.Add(new NpgsqlParameter<string>("service", service));
        }

        if (instanceId is not null)
        {
            parameters.Add(new NpgsqlParameter<string>("instance_id", instanceId));
        }
    }
}
