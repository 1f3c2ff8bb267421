using ConfigCluster.Client;
using ConfigCluster.Grains.Interfaces.Watch;
using Microsoft.Extensions.Options;

namespace ConfigCluster.ConfigWatcher;

/// <summary>
/// Subscribes once the client is connected, then writes <c>watching TARGET</c> and one tab-separated
/// line per change: <c>changed PATH VERSION KIND EVENT_ID</c>. Values are never printed: a service
/// that needs one reads it with <see cref="ConfigClient.GetAsync"/>.
/// </summary>
internal sealed class ChangePrinter(ConfigClient client, IOptions<WatchTarget> target) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var t = target.Value;
        await using var watch = t.Key is null
            ? await client.WatchServiceAsync(t.Environment, t.ServiceName, PrintAsync)
            : await client.WatchAsync(new(t.Environment, t.ServiceName, t.Key), PrintAsync);
        await Console.Out.WriteLineAsync($"watching {t.Describe()}");
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static Task PrintAsync(ConfigChangeNotification change) =>
        Console.Out.WriteLineAsync($"changed\t{change.Address.Path}\t{change.Version}\t{change.Kind}\t{change.EventId}");
}
