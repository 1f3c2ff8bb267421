using ConfigCluster.Grains.Interfaces.Watch;

namespace ConfigCluster.Grains.Watch;

/// <summary>
/// Fans a service's change notifications out to its watchers. Delivery is one-way and best effort,
/// in order per watcher; a watcher that missed one reads the config again (its version tells).
/// </summary>
internal sealed class ConfigWatchGrain(TimeProvider time) : Grain, IConfigWatchGrain
{
    private readonly Dictionary<IConfigObserver, Subscription> _subscriptions = [];

    public Task SubscribeAsync(IConfigObserver observer, string? key)
    {
        _subscriptions[observer] = new Subscription(key, time.GetUtcNow() + IConfigWatchGrain.SubscriptionLifetime);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IConfigObserver observer)
    {
        _subscriptions.Remove(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(ConfigChangeNotification notification)
    {
        var now = time.GetUtcNow();
        foreach (var (observer, subscription) in _subscriptions.ToList())
        {
            if (subscription.ExpiresAt <= now)
            {
                _subscriptions.Remove(observer);
            }
            else if (subscription.Key is null || subscription.Key == notification.Address.Key)
            {
                _ = observer.OnConfigChangedAsync(notification);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Subscription(string? Key, DateTimeOffset ExpiresAt);
}
