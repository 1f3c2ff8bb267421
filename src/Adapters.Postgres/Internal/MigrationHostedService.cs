using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runner.ApplyAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (PostgresFailure.IsInfrastructure(ex, cancellationToken))
            {
                var reason = PostgresFailure.Describe(ex, options.Value.CommandTimeout);
                var delay = Delay(attempt, options.Value.StartupTimeout - time.GetElapsedTime(started));
                if (!PostgresFailure.IsTransient(ex, cancellationToken) || delay <= TimeSpan.Zero)
                {
                    throw Failed(target, reason, time.GetElapsedTime(started), ex);
                }

                logger.MigrationRetry(target, reason, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>250 ms doubling up to 5 s, never past what is left of the start-up budget.</summary>
    private static TimeSpan Delay(int attempt, TimeSpan left)
    {
        var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(attempt - 1, 5)));
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
