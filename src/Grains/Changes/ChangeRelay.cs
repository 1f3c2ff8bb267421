using ConfigCluster.Grains.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Changes;

/// <summary>
/// Publishes committed changes from the outbox, in commit order, once per cluster: every silo runs
/// one, and the one holding the change log's relay lease works while the others stand by. Events
/// are published only below the oldest pending intent, so a change committed late (by the
/// reconciler) is never published after a newer change of the same config.
/// </summary>
internal sealed partial class ChangeRelay(
    IChangeOutbox outbox,
    IChangePublisher publisher,
    ChangeReconciler reconciler,
    IOptions<ChangeRelayOptions> options,
    ILogger<ChangeRelay> logger) : BackgroundService
{
    private readonly ChangeRelayOptions _options = options.Value;
    private readonly ILogger _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await outbox.TryAcquireRelayLeaseAsync(stoppingToken);
                if (lease is not null)
                {
                    LogLeaseTaken();
                    await RelayWhileLeasedAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change log or the brokers failed; the lease (if any) is released and retaken.
                LogRelayFailed(e.GetType().Name, e.Message);
            }

            await Task.Delay(_options.StandbyInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RelayWhileLeasedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var oldestPending = await SettleStaleAsync(stoppingToken);
            var batch = (await outbox.ReadUnpublishedAsync(_options.BatchSize, stoppingToken))
                .Where(e => oldestPending is null || e.Id < oldestPending)
                .ToList();
            if (batch.Count == 0)
            {
                await outbox.WaitForCommitAsync(_options.IdleWait, stoppingToken);
                continue;
            }

            if (!await publisher.PublishAsync(batch, stoppingToken))
            {
                LogPublishFailed(batch.Count);
                continue;
            }

            await outbox.MarkPublishedAsync(batch.Select(e => e.Id).ToList(), stoppingToken);
            LogPublished(batch.Count, batch[^1].Id);
        }
    }

    /// <summary>Settles stale intents and returns the id of the oldest intent still pending, if any.</summary>
    private async Task<long?> SettleStaleAsync(CancellationToken stoppingToken)
    {
        var stale = await outbox.ReadStalePendingAsync(_options.PendingGrace, _options.BatchSize, stoppingToken);
        if (stale.Count > 0)
        {
            LogSettled(await reconciler.SettleAsync(stale, stoppingToken), stale.Count);
        }

        var oldest = await outbox.ReadStalePendingAsync(TimeSpan.Zero, 1, stoppingToken);
        return oldest.Count == 0 ? null : oldest[0].Ticket.Id;
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "This silo now relays change events")]
    private partial void LogLeaseTaken();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Published {Count} change events up to change {LastId}")]
    private partial void LogPublished(int count, long lastId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Publishing {Count} change events failed; they stay in the outbox")]
    private partial void LogPublishFailed(int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Settled {Settled} of {Stale} stale pending changes against Vault")]
    private partial void LogSettled(int settled, int stale);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Change relay failed ({Error}: {Message}); retrying")]
    private partial void LogRelayFailed(string error, string message);
}
