using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Applies the migrations while the host is starting (<see cref="IHostedLifecycleService.StartingAsync"/>,
/// before any hosted service such as the silo starts), when <see cref="PostgresOptions.ApplyMigrationsAtStart"/>.
/// An unreachable PostgreSQL is retried for <see cref="PostgresOptions.StartupTimeout"/>; then, or at once for
/// errors that retrying cannot fix (credentials, missing database, SQL), the start fails with a clear message.
/// </summary>
internal sealed class MigrationHostedService(
    MigrationRunner runner, IOptions<PostgresOptions> options, TimeProvider time, ILogger<MigrationHostedService> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrationsAtStart)
        {
            return;
        }

        var target = PostgresConnectionString.Describe(options.Value.ConnectionString);
        var started = time.GetTimestamp();
        try
        {
            await Retries(target, started).ExecuteAsync(async token => await runner.ApplyAsync(token), cancellationToken);
        }
        catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, cancellationToken))
        {
            throw Failed(target, PostgresFailure.Describe(ex, options.Value.CommandTimeout), time.GetElapsedTime(started), ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Retries an unreachable server (<see cref="PostgresFailure.IsTransient"/>) after 250 ms doubling up to 5 s, never
    /// past what is left of <see cref="PostgresOptions.StartupTimeout"/>.
    /// </summary>
    private ResiliencePipeline Retries(string target, long started) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue, // bounded by the start-up budget
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && PostgresFailure.IsTransient(ex, args.Context.CancellationToken)
                    && Left(started) > TimeSpan.Zero),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber, Left(started))),
                OnRetry = args =>
                {
                    logger.MigrationRetry(target, PostgresFailure.Describe(args.Outcome.Exception!, options.Value.CommandTimeout),
                        args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();

    private TimeSpan Left(long started) => options.Value.StartupTimeout - time.GetElapsedTime(started);

    private static TimeSpan Delay(int retry, TimeSpan left)
    {
        var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(retry, 5)));
        delay = delay < MaxDelay ? delay : MaxDelay;
        return delay < left ? delay : left;
    }

    private InvalidOperationException Failed(string target, string reason, TimeSpan elapsed, Exception inner)
    {
        logger.MigrationsFailed(target, reason);
        var message = PostgresFailure.IsTransient(inner, CancellationToken.None)
            ? $"PostgreSQL at {target} is unreachable after {elapsed.TotalSeconds:0} s ({reason}). Start it, or fix " +
              $"ConnectionStrings:{PostgresOptions.ConnectionStringName}; the change log's schema migrations cannot run."
            : $"The PostgreSQL schema migrations at {target} failed ({reason}). Check the user, password and database " +
              $"in ConnectionStrings:{PostgresOptions.ConnectionStringName}.";
        return new InvalidOperationException(message, inner);
    }
}
