namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>Lists configs. A stateless worker: any silo answers, reading values through the config grains.</summary>
[Alias("ConfigCluster.IConfigCatalogGrain")]
public interface IConfigCatalogGrain : IGrainWithIntegerKey
{
    [ReadOnly, Alias("List")]
    Task<ConfigPage> ListAsync(ConfigListQuery query, CancellationToken cancellationToken = default);
}
