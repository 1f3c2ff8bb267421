using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Runs one change-log operation on a pooled connection within <see cref="PostgresOptions.CommandTimeout"/>
/// (connecting included), turning every database or network failure into a logged
/// <see cref="StoreOutcome.Unavailable"/> instead of an exception. The caller's cancellation still throws.
/// </summary>
internal sealed class PostgresGuard(NpgsqlDataSource dataSource, TimeSpan budget, ILogger logger)
{
    public TimeSpan Budget => budget;

    public async Task<StoreResult<T>> RunAsync<T>(
        string operation, Func<NpgsqlConnection, CancellationToken, Task<StoreResult<T>>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            // The budget holds even where the driver would wait longer (a server frozen mid-answer): the
            // operation is left to fail on its own, and its caller hears Unavailable now.
            var running = RunOnConnectionAsync(work, timeout.Token);
            _ = running.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return await running.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, cancellationToken))
        {
            var detail = PostgresFailure.Describe(ex, budget);
            logger.Unavailable(operation, detail);
            return StoreResult<T>.Fail(StoreOutcome.Unavailable, detail);
        }
    }

    private async Task<StoreResult<T>> RunOnConnectionAsync<T>(
        Func<NpgsqlConnection, CancellationToken, Task<StoreResult<T>>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await work(connection, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync{T}"/> for callers without a result type: <paramref name="fallback"/> when it failed.</summary>
    public async Task<T> RunOrAsync<T>(
        string operation, T fallback, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            operation, async (connection, token) => StoreResult<T>.Ok(await work(connection, token)), cancellationToken);
        return result.IsOk ? result.Value! : fallback;
    }
}
