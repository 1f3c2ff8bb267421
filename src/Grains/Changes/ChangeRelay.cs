using ConfigCluster.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Changes;

/// <summary>
/// Publishes committed changes from the outbox, in commit order, once per cluster: every silo runs
/// one, and the one holding the change log's relay lease works while the others stand by. Events
/// are published only below the oldest pending intent (the outbox reads no further), so a change
/// committed late (by the reconciler) is never published after a newer change of the same config.
/// One read of the outbox per batch: stale intents are looked for at most once per
/// <see cref="StaleCheckInterval"/>, since none can turn stale sooner than the pending grace.
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
    private long _nextStaleCheck;

    private TimeSpan StaleCheckInterval =>
        _options.PendingGrace / 2 < TimeSpan.FromSeconds(1) ? _options.PendingGrace / 2 : TimeSpan.FromSeconds(1);

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
            await SettleStaleIfDueAsync(stoppingToken);
            var batch = await outbox.ReadUnpublishedAsync(_options.BatchSize, stoppingToken);
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

    private async Task SettleStaleIfDueAsync(CancellationToken stoppingToken)
    {
        if (Environment.TickCount64 < _nextStaleCheck)
        {
            return;
        }

        _nextStaleCheck = Environment.TickCount64 + (long)StaleCheckInterval.TotalMilliseconds;
        var stale = await outbox.ReadStalePendingAsync(_options.PendingGrace, _options.BatchSize, stoppingToken);
        if (stale.Count > 0)
        {
            LogSettled(await reconciler.SettleAsync(stale, stoppingToken), stale.Count);
        }
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
