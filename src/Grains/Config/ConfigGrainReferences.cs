using Orleans.Runtime;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// References to config grains for code running in a silo (the gateway's endpoints, the catalog grain).
/// <c>GetGrain&lt;IConfigGrain&gt;(key)</c> resolves the grain interface from the type's attributes on every
/// call, which was an eighth of the CPU of a cached GET; in a silo the grain and interface types of
/// <see cref="IConfigGrain"/> are fixed, so they are learnt from the first reference and reused.
/// In-cluster clients keep <see cref="ConfigGrainExtensions.GetConfigGrain"/>: a client may not know the
/// grain type before it has the cluster's manifest.
/// </summary>
public sealed class ConfigGrainReferences(IGrainFactory grains)
{
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var first = (GrainReference)(object)grains.GetGrain<IConfigGrain>("any/config/key");
        return (first.GrainId.Type, first.InterfaceType);
    });

    public IConfigGrain Get(ConfigAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var (grainType, interfaceType) = _types.Value;
        return (IConfigGrain)grains.GetGrain(GrainId.Create(grainType, address.Path), interfaceType);
    }
}
