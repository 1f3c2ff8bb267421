namespace ConfigCluster.Grains.Interfaces.Flags;

public static class FlagGrainExtensions
{
    /// <summary>
    /// The grain of one flag. Environment and key follow the config name rules, which exclude '/', so the pair
    /// splits back unambiguously.
    /// </summary>
    public static IFlagGrain GetFlagGrain(this IGrainFactory grains, string environment, string key) =>
        grains.GetGrain<IFlagGrain>(GrainKey(environment, key));

    public static string GrainKey(string environment, string key) => $"{environment}/{key}";
}
