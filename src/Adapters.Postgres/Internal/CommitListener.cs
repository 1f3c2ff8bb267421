using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// <c>LISTEN config_changes</c> on a dedicated connection kept open between waits, so a commit made while
/// nobody waits is still heard by the next wait (the notification waits in the connection). A wait right
/// after (re)connecting returns at once: commits before the LISTEN were not heard. Failures drop the
/// connection (the next wait reconnects) and the wait then lasts until its timeout; they never throw.
/// A connection that dies silently degrades to polling: each wait then lasts its timeout, as every wait
/// does once the listener is disposed.
/// </summary>
internal sealed class CommitListener(NpgsqlDataSource dataSource, TimeSpan connectBudget, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;
    private volatile bool _disposed;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (_disposed && timeout > TimeSpan.Zero)
        {
            await Task.Delay(timeout, cancellationToken);
            return;
        }

        if (timeout <= TimeSpan.Zero || !await _gate.WaitAsync(timeout, cancellationToken))
        {
            return;
        }

        try
        {
            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await WaitOnConnectionAsync(remaining, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops listening. A wait still in progress then ends early (as after a failure).</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var idle = await _gate.WaitAsync(connectBudget);
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            if (!idle || !await TryUnlistenAsync(connection))
            {
                dataSource.Clear();
            }

            await connection.DisposeAsync();
        }

        if (idle)
        {
            _gate.Release();
        }
    }

    private async Task WaitOnConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (_connection is null)
            {
                _connection = await ListenAsync(timeout < connectBudget ? timeout : connectBudget, cancellationToken);
                return;
            }

            await _connection.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            throw;
        }
        catch (Exception) when (_disposed)
        {
            // Disposed during the wait (shutdown): the connection is gone, and so is the listener.
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, cancellationToken))
        {
            logger.ListenerFailed(PostgresFailure.Describe(ex, timeout));
            await DropAsync();
            var rest = timeout - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        var connection = await dataSource.OpenConnectionAsync(timeout.Token);
        try
        {
            await using var command = new NpgsqlCommand(Sql.Listen, connection);
            await command.ExecuteNonQueryAsync(timeout.Token);
            logger.Listening();
            return connection;
        }
        catch
        {
            dataSource.Clear();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the connection; the pool is cleared so a session that may still LISTEN never idles in it.</summary>
    private async Task DropAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            dataSource.Clear();
            await connection.DisposeAsync();
        }
    }

    private async Task<bool> TryUnlistenAsync(NpgsqlConnection connection)
    {
        try
        {
            using var timeout = new CancellationTokenSource(connectBudget);
            await using var command = new NpgsqlCommand(Sql.Unlisten, connection);
            await command.ExecuteNonQueryAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, CancellationToken.None))
        {
            return false;
        }
    }
}
