using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Flags;

/// <summary>
/// Keeps <see cref="FlagSnapshots"/> current: follows the store's change announcements (a changed flag is read
/// again at once), resyncs everything when the store says changes may have been missed, and every
/// <see cref="FlagOptions.ResyncInterval"/>; a refresh the store did not answer is retried within a second.
/// </summary>
public sealed class FlagSnapshotFollower(IFlagStore store, FlagSnapshots snapshots, IOptions<FlagOptions> options, TimeProvider time)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private volatile bool _resyncWanted;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            store.FollowChangesAsync(
                async (environment, key) => _resyncWanted |= !await snapshots.RefreshAsync(environment, key, stoppingToken),
                async () => _resyncWanted |= !await snapshots.ResyncAsync(stoppingToken),
                stoppingToken),
            ResyncPeriodicallyAsync(stoppingToken));

    private async Task ResyncPeriodicallyAsync(CancellationToken stoppingToken)
    {
        var last = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested || (!_resyncWanted && time.GetElapsedTime(last) < options.Value.ResyncInterval))
            {
                continue;
            }

            last = time.GetTimestamp();
            _resyncWanted = !await snapshots.ResyncAsync(stoppingToken);
        }
    }
}
