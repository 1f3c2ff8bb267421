using ConfigCluster.Ports;
using Microsoft.Extensions.Hosting;

namespace ConfigCluster.Grains.Changes;

/// <summary>
/// Keeps a silo's in-memory snapshot of a store current: follows the store's change feed (a changed entry is read
/// again at once), resyncs everything when the feed says changes may have been missed, and every resync interval;
/// a refresh the store did not answer makes the next resync come within a second.
/// </summary>
public sealed class SnapshotFollower(IChangeFeed feed, IFollowedSnapshot snapshot, Func<TimeSpan> resyncInterval, TimeProvider time)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private volatile bool _resyncWanted;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            feed.FollowChangesAsync(
                async (environment, name) => _resyncWanted |= !await snapshot.RefreshAsync(environment, name, stoppingToken),
                async () => _resyncWanted |= !await snapshot.ResyncAsync(stoppingToken),
                stoppingToken),
            ResyncPeriodicallyAsync(stoppingToken));

    private async Task ResyncPeriodicallyAsync(CancellationToken stoppingToken)
    {
        var last = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested || (!_resyncWanted && time.GetElapsedTime(last) < resyncInterval()))
            {
                continue;
            }

            last = time.GetTimestamp();
            _resyncWanted = !await snapshot.ResyncAsync(stoppingToken);
        }
    }
}
