using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Watch;

public static class ConfigWatchGrainExtensions
{
    public static IConfigWatchGrain GetConfigWatchGrain(this IGrainFactory grains, string environment, string serviceName) =>
        grains.GetGrain<IConfigWatchGrain>($"{environment}/{serviceName}");

    public static IConfigWatchGrain GetConfigWatchGrain(this IGrainFactory grains, ConfigAddress address) =>
        grains.GetConfigWatchGrain(address.Environment, address.ServiceName);
}
