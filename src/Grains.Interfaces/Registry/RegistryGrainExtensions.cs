namespace ConfigCluster.Grains.Interfaces.Registry;

public static class RegistryGrainExtensions
{
    /// <summary>
    /// The grain of one instance. Environment, service and instance id follow the config name rules, which exclude
    /// '/', so the key splits back unambiguously.
    /// </summary>
    public static IRegistryInstanceGrain GetRegistryInstanceGrain(this IGrainFactory grains, string environment, string service, string instanceId) =>
        grains.GetGrain<IRegistryInstanceGrain>(GrainKey(environment, service, instanceId));

    public static string GrainKey(string environment, string service, string instanceId) => $"{environment}/{service}/{instanceId}";
}
