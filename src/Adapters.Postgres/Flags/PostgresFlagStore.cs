using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Flags;

/// <summary>
/// <see cref="IFlagStore"/> on table <c>feature_flags</c>. A write locks the flag's row, checks the version it is
/// conditional on, changes the row, writes the audit row and announces the change, in one transaction.
/// </summary>
public sealed class PostgresFlagStore(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresFlagStore> logger)
    : IFlagStore
{
    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);
    private readonly ChangeFollower _follower = new(dataSource, FlagSql.Channel, options.Value.CommandTimeout, logger);

    public Task<StoreResult<IReadOnlyList<StoredFlag>>> ListAsync(string environment, CancellationToken cancellationToken) =>
        _guard.RunAsync("list flags", async (connection, token) => StoreResult<IReadOnlyList<StoredFlag>>.Ok(
            await ReadAsync(connection, null, FlagSql.ByEnvironment, environment, null, token)), cancellationToken);

    public Task<StoreResult<StoredFlag?>> ReadAsync(string environment, string key, CancellationToken cancellationToken) =>
        _guard.RunAsync("read flag", async (connection, token) =>
        {
            var flags = await ReadAsync(connection, null, FlagSql.One, environment, key, token);
            return StoreResult<StoredFlag?>.Ok(flags.Count == 1 ? flags[0] : null);
        }, cancellationToken);

    public async Task<FlagWriteResult> WriteAsync(FlagWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var result = await _guard.RunAsync("write flag", async (connection, token) =>
            StoreResult<FlagWriteResult>.Ok(await WriteAsync(connection, write, token)), cancellationToken);
        return result.IsOk ? result.Value! : new FlagWriteResult(FlagWriteOutcome.Unavailable, Detail: result.Detail);
    }

    public Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken) =>
        _follower.RunAsync(changed, resync, cancellationToken);

    private static async Task<FlagWriteResult> WriteAsync(NpgsqlConnection connection, FlagWrite write, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await CurrentVersionAsync(connection, transaction, write, cancellationToken);
        var refusal = (write.Kind, current) switch
        {
            (FlagWriteKind.Create, not null) => new FlagWriteResult(FlagWriteOutcome.AlreadyExists, CurrentVersion: current),
            (not FlagWriteKind.Create, null) => new FlagWriteResult(FlagWriteOutcome.NotFound),
            (not FlagWriteKind.Create, _) when write.ExpectedVersion is { } expected && expected != current =>
                new FlagWriteResult(FlagWriteOutcome.VersionMismatch, CurrentVersion: current),
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        StoredFlag? written = null;
        if (write.Kind == FlagWriteKind.Delete)
        {
            await ExecuteAsync(connection, transaction, FlagSql.Delete, write, cancellationToken);
        }
        else
        {
            var sql = write.Kind == FlagWriteKind.Create ? FlagSql.Insert : FlagSql.Update;
            written = (await ReadAsync(connection, transaction, sql, write.Environment, write.Key, cancellationToken, write.DefinitionJson))[0];
        }

        await AuditAsync(connection, transaction, write, current ?? 0, written?.Version ?? 0, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FlagWriteResult(FlagWriteOutcome.Written, written, written?.Version);
    }

    private static async Task<long?> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FlagWrite write, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(FlagSql.Lock, connection, transaction);
        AddNames(command.Parameters, write.Environment, write.Key);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, FlagWrite write, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddNames(command.Parameters, write.Environment, write.Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AuditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, FlagWrite write, long oldVersion, long newVersion, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(FlagSql.Audit, connection, transaction);
        AddNames(command.Parameters, write.Environment, write.Key);
        command.Parameters.Add(new NpgsqlParameter<Guid>("event_id", write.EventId));
        command.Parameters.Add(new NpgsqlParameter<string>("action", write.Kind switch
        {
            FlagWriteKind.Create => "created",
            FlagWriteKind.Update => "updated",
            _ => "deleted",
        }));
        command.Parameters.Add(new NpgsqlParameter<long>("old_version", oldVersion));
        command.Parameters.Add(new NpgsqlParameter<long>("new_version", newVersion));
        command.Parameters.Add(new NpgsqlParameter<string>("actor", write.Actor));
        command.Parameters.Add(new NpgsqlParameter<string>("request_id", write.RequestId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurred_at", write.At.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter("definition", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)write.DefinitionJson ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StoredFlag>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string environment, string? key, CancellationToken cancellationToken,
        string? definition = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddNames(command.Parameters, environment, key);
        if (definition is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("definition", definition));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<StoredFlag> flags = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            flags.Add(new StoredFlag(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return flags;
    }

    private static void AddNames(NpgsqlParameterCollection parameters, string environment, string? key)
    {
        parameters.Add(new NpgsqlParameter<string>("environment", environment));
        if (key is not null)
        {
            parameters.Add(new NpgsqlParameter<string>("key", key));
        }
    }
}
