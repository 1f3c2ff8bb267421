namespace ConfigCluster.Grains.Interfaces.Config;

public static class ConfigGrainExtensions
{
    /// <summary>The grain that owns <paramref name="address"/>.</summary>
    public static IConfigGrain GetConfigGrain(this IGrainFactory grains, ConfigAddress address) =>
        grains.GetGrain<IConfigGrain>(address.Path);
}
