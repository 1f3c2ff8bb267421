using ConfigCluster.Grains.Interfaces.Watch;

namespace ConfigCluster.Client;

/// <summary>
/// One live subscription: an observer reference kept alive in this process, renewed with the service's
/// watch grain well before it lapses. Dispose to stop watching.
/// </summary>
public sealed class ConfigWatch : IAsyncDisposable
{
    private static readonly TimeSpan RenewEvery = IConfigWatchGrain.SubscriptionLifetime / 4;

    private readonly IGrainFactory _grains;
    private readonly IConfigWatchGrain _watchGrain;
    private readonly string? _key;
    private readonly ObserverCallback _callback;
    private readonly IConfigObserver _reference;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    private ConfigWatch(IGrainFactory grains, IConfigWatchGrain watchGrain, string? key, ObserverCallback callback)
    {
        _grains = grains;
        _watchGrain = watchGrain;
        _key = key;
        _callback = callback;
        _reference = grains.CreateObjectReference<IConfigObserver>(callback);
        _renewals = RenewAsync(_stop.Token);
    }

    internal static async Task<ConfigWatch> StartAsync(
        IGrainFactory grains, string environment, string serviceName, string? key, Func<ConfigChangeNotification, Task> onChange)
    {
        var watch = new ConfigWatch(grains, grains.GetConfigWatchGrain(environment, serviceName), key, new ObserverCallback(onChange));
        await watch._watchGrain.SubscribeAsync(watch._reference, key);
        return watch;
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await TickAsync(timer, stop))
        {
            try
            {
                await _watchGrain.SubscribeAsync(_reference, _key);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The cluster is unreachable for now; the next tick tries again.
            }
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        try
        {
            await _watchGrain.UnsubscribeAsync(_reference);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Unreachable: the subscription lapses by itself.
        }

        _grains.DeleteObjectReference<IConfigObserver>(_reference);
        _stop.Dispose();
        GC.KeepAlive(_callback);
    }

    private sealed class ObserverCallback(Func<ConfigChangeNotification, Task> onChange) : IConfigObserver
    {
        public Task OnConfigChangedAsync(ConfigChangeNotification notification) => onChange(notification);
    }
}
