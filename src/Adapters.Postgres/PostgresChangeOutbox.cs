using ConfigCluster.Adapters.Postgres.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// <see cref="IChangeOutbox"/> on table <c>config_changes</c>. Never throws for database or network
/// failures (only for the caller's cancellation): reads then answer empty, marking published does nothing
/// (the events are published again: delivery is at least once), the lease is not granted, and
/// <see cref="WaitForCommitAsync"/> lasts its timeout. Each failure is logged.
/// </summary>
public sealed class PostgresChangeOutbox : IChangeOutbox, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _budget;
    private readonly ILogger _logger;
    private readonly PostgresGuard _guard;
    private readonly CommitListener _listener;

    public PostgresChangeOutbox(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresChangeOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _budget = options.Value.CommandTimeout;
        _logger = logger;
        _guard = new PostgresGuard(dataSource, _budget, logger);
        _listener = new CommitListener(dataSource, _budget, logger);
    }

    /// <summary>
    /// A session-level advisory lock on a dedicated connection; disposing the lease unlocks it and closes
    /// the connection. Losing the connection also releases it (PostgreSQL ends the session's locks).
    /// </summary>
    public async Task<IAsyncDisposable?> TryAcquireRelayLeaseAsync(CancellationToken cancellationToken) =>
        await RelayLease.TryTakeAsync(_dataSource, _budget, _logger, cancellationToken);

    public Task<IReadOnlyList<OutboxEvent>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return _guard.RunOrAsync<IReadOnlyList<OutboxEvent>>("read unpublished", [], async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.Unpublished, connection);
            command.Parameters.Add(new NpgsqlParameter<int>("max", max));
            return await ReadAsync(command, row => new OutboxEvent(row.Id, row.Change), token);
        }, cancellationToken);
    }

    public Task MarkPublishedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        return _guard.RunOrAsync("mark published", 0, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.MarkPublished, connection);
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PendingChange>> ReadStalePendingAsync(TimeSpan olderThan, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return _guard.RunOrAsync<IReadOnlyList<PendingChange>>("read stale pending", [], async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.StalePending, connection);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("older_than", olderThan));
            command.Parameters.Add(new NpgsqlParameter<int>("max", max));
            return await ReadAsync(
                command, row => new PendingChange(new ChangeTicket(row.Id, row.Change.EventId), row.Change, row.RecordedAt), token);
        }, cancellationToken);
    }

    /// <summary>
    /// Waits for a notification on <c>config_changes</c> (sent when a commit's transaction ends) on a
    /// connection kept open between calls. The first call, and the first after a lost connection, returns
    /// at once because earlier commits were not heard.
    /// </summary>
    public Task WaitForCommitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _listener.WaitAsync(timeout, cancellationToken);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(
        NpgsqlCommand command, Func<(long Id, ChangeRecord Change, DateTimeOffset RecordedAt), T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<T> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(ChangeRows.Read(reader)));
        }

        return rows;
    }
}
