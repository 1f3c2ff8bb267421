using ConfigCluster.Adapters.Postgres.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// <see cref="IChangeLog"/> on table <c>config_changes</c>: an intent is a <c>pending</c> row that becomes
/// <c>committed</c> (audit row + event to publish) or <c>aborted</c>. Every call answers within
/// <see cref="PostgresOptions.CommandTimeout"/>; database and network failures answer
/// <see cref="StoreOutcome.Unavailable"/> (never an exception, never a value in the detail).
/// The <see cref="bool"/> of a settled call is true when this call changed the row, false when it already had that state.
/// Intents and commits, the statements of every write, are group-committed with those of concurrent
/// writes (<see cref="StatementBatcher"/>).
/// </summary>
public sealed class PostgresChangeLog(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresChangeLog> logger)
    : IChangeLog, IAsyncDisposable, IDisposable
{
    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);
    private StatementBatcher? _batcher;

    private StatementBatcher Batcher => LazyInitializer.EnsureInitialized(ref _batcher, () => new StatementBatcher(_guard));

    public async Task<StoreResult<ChangeTicket>> BeginAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var command = new NpgsqlBatchCommand(Sql.Begin);
        ChangeRows.AddChange(command.Parameters, change);
        using var span = PostgresTracing.Start("begin");
        var answer = await Batcher.ScalarAsync(command, cancellationToken);
        return answer switch
        {
            { IsOk: false } => StoreResult<ChangeTicket>.Fail(answer.Outcome, answer.Detail),
            { Value: long id } => StoreResult<ChangeTicket>.Ok(new ChangeTicket(id, change.EventId)),
            _ => StoreResult<ChangeTicket>.Fail(StoreOutcome.Conflict, change.Idempotency is null
                ? "A change with this event id is already recorded."
                : "A change with this event id, or another change with this idempotency key, is already recorded."),
        };
    }

    public Task<StoreResult<IdempotentChange?>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _guard.RunAsync("idempotency key", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.FindByIdempotencyKey, connection);
            command.Parameters.Add(new NpgsqlParameter<string>("idempotency_key", key));
            ChangeRows.AddRetention(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(token);
            return StoreResult<IdempotentChange?>.Ok(await reader.ReadAsync(token) ? ChangeRows.ReadIdempotent(reader) : null);
        }, cancellationToken);
    }

    public async Task<StoreResult<bool>> CommitAsync(ChangeTicket ticket, long newVersion, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(Sql.Commit);
        ChangeRows.AddTicket(command.Parameters, ticket);
        command.Parameters.Add(new NpgsqlParameter<long>("new_version", newVersion));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurred_at", at.ToUniversalTime()));
        using var span = PostgresTracing.Start("commit");
        var answer = await Batcher.ScalarAsync(command, cancellationToken);
        return answer.IsOk
            ? Settled(answer.Value as string, "committed", "aborted")
            : StoreResult<bool>.Fail(answer.Outcome, answer.Detail);
    }

    public ValueTask DisposeAsync() => _batcher?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _batcher?.Dispose();

    public Task<StoreResult<bool>> AbortAsync(ChangeTicket ticket, CancellationToken cancellationToken) =>
        _guard.RunAsync("abort", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.Abort, connection);
            ChangeRows.AddTicket(command.Parameters, ticket);
            return Settled(await command.ExecuteScalarAsync(token) as string, "aborted", "committed");
        }, cancellationToken);

    public Task<StoreResult<long?>> LatestChangeIdAsync(ConfigAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _guard.RunAsync("latest change id", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.LatestChangeId, connection);
            ChangeRows.AddAddress(command.Parameters, address);
            return StoreResult<long?>.Ok(await command.ExecuteScalarAsync(token) as long?);
        }, cancellationToken);
    }

    public Task<StoreResult<AuditPage>> ReadHistoryAsync(ConfigAddress address, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return _guard.RunAsync("history", (connection, token) => ReadHistoryAsync(connection, address, limit, offset, token), cancellationToken);
    }

    private static async Task<StoreResult<AuditPage>> ReadHistoryAsync(
        NpgsqlConnection connection, ConfigAddress address, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql.History, connection);
        ChangeRows.AddAddress(command.Parameters, address);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        command.Parameters.Add(new NpgsqlParameter<int>("offset", offset));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        List<AuditEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, change, _) = ChangeRows.Read(reader);
            entries.Add(new AuditEntry(id, change));
        }

        return StoreResult<AuditPage>.Ok(new AuditPage(entries, (int)Math.Min(total, int.MaxValue)));
    }

    /// <summary>Maps the answer of <see cref="Sql.Commit"/> or <see cref="Sql.Abort"/>.</summary>
    private static StoreResult<bool> Settled(string? answer, string target, string opposite) => answer switch
    {
        "changed" => StoreResult<bool>.Ok(true),
        null => StoreResult<bool>.Fail(StoreOutcome.NotFound, "No such change intent."),
        _ when answer == target => StoreResult<bool>.Ok(false),
        _ when answer == opposite => StoreResult<bool>.Fail(StoreOutcome.Conflict, $"The change was already {opposite}."),
        _ => StoreResult<bool>.Fail(StoreOutcome.Conflict, "The change was settled concurrently; try again."),
    };
}
