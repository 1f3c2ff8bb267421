using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// <c>LISTEN</c> on one channel, on a dedicated connection: each notification ("environment/name", the flag or
/// service that changed) is handed on. After (re)connecting, changes made meanwhile were not heard, so the follower asks for a resync
/// first. A lost connection is retried every second; nothing is thrown for database trouble, and cancellation ends
/// it quietly.
/// </summary>
internal sealed class ChangeFollower(NpgsqlDataSource dataSource, string channel, TimeSpan budget, ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task RunAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FollowOnceAsync(changed, resync, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (PostgresFailure.IsInfrastructure(e, cancellationToken))
            {
                logger.ListenerFailed(channel, PostgresFailure.Describe(e, budget));
            }

            await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task FollowOnceAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken)
    {
        var heard = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        await using var connection = await OpenAsync(cancellationToken);
        connection.Notification += (_, e) => heard.Writer.TryWrite(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await resync();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Waiting reads the connection, which raises Notification; a wait that times out checks the connection.
            await connection.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            while (heard.Reader.TryRead(out var payload))
            {
                if (payload.Split('/') is [var environment, var name])
                {
                    await changed(environment, name);
                }
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        return await dataSource.OpenConnectionAsync(timeout.Token);
    }
}
