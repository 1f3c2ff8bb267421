using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// The cluster-wide relay lease: a session-level advisory lock (<see cref="Sql.RelayLeaseKey"/>) held by a
/// dedicated connection. PostgreSQL releases a session lock when its session ends, so the lease also ends
/// when this process loses that connection (crash, network loss, <c>pg_terminate_backend</c>); the holder
/// is not told, and two relays may then overlap briefly, which the outbox's at-least-once delivery allows.
/// </summary>
internal sealed class RelayLease : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly TimeSpan _budget;
    private readonly ILogger _logger;
    private int _disposed;

    private RelayLease(NpgsqlDataSource dataSource, NpgsqlConnection connection, TimeSpan budget, ILogger logger)
    {
        _dataSource = dataSource;
        _connection = connection;
        _budget = budget;
        _logger = logger;
    }

    /// <summary>The lease, or null when another session holds it or PostgreSQL cannot be reached (logged).</summary>
    public static async Task<RelayLease?> TryTakeAsync(
        NpgsqlDataSource dataSource, TimeSpan budget, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(timeout.Token);
            if (!await RunAsync(connection, Sql.TryLockRelay, timeout.Token))
            {
                return null;
            }

            logger.LeaseAcquired();
            var lease = new RelayLease(dataSource, connection, budget, logger);
            connection = null;
            return lease;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The lock may have been taken before the cancellation: never let that session idle in the pool.
            dataSource.Clear();
            throw;
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, cancellationToken))
        {
            logger.Unavailable("relay lease", PostgresFailure.Describe(ex, budget));
            dataSource.Clear();
            return null;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Unlocks and closes the connection. When the unlock fails, the session is dropped, which releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_budget);
            await RunAsync(_connection, Sql.UnlockRelay, timeout.Token);
            _logger.LeaseReleased();
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, CancellationToken.None))
        {
            _logger.LeaseReleaseFailed(PostgresFailure.Describe(ex, _budget));
            _dataSource.Clear();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<bool> RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long>("key", Sql.RelayLeaseKey));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
