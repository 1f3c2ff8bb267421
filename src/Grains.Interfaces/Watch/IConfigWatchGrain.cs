namespace ConfigCluster.Grains.Interfaces.Watch;

/// <summary>
/// The watchers of one environment/service, keyed <c>{environment}/{service_name}</c>. A subscription
/// covers one key, or the whole service when the key is null; it lapses unless renewed within
/// <see cref="SubscriptionLifetime"/> (a client that vanished stops being called).
/// </summary>
[Alias("ConfigCluster.IConfigWatchGrain")]
public interface IConfigWatchGrain : IGrainWithStringKey
{
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Subscribes, or renews the subscription of, <paramref name="observer"/>.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IConfigObserver observer, string? key);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IConfigObserver observer);

    /// <summary>Called by a config grain after it acknowledged a change; fans out to the matching watchers.</summary>
    [OneWay, Alias("Publish")]
    Task PublishAsync(ConfigChangeNotification notification);
}
