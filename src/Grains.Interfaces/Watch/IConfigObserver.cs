namespace ConfigCluster.Grains.Interfaces.Watch;

/// <summary>What an in-cluster client implements to be told of changes (see ConfigCluster.Client).</summary>
[Alias("ConfigCluster.IConfigObserver")]
public interface IConfigObserver : IGrainObserver
{
    [OneWay, Alias("OnChanged")]
    Task OnConfigChangedAsync(ConfigChangeNotification notification);
}
