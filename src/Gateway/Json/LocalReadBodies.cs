using ConfigCluster.Grains.LocalReads;

namespace ConfigCluster.Gateway.Json;

/// <summary>Renders each answer the silo's config grains publish for local reads as its response body, once.</summary>
internal sealed class LocalReadBodies : ILocalReadRenderer
{
    public object Render(ConfigEntry entry) => ConfigResponseBodies.For(entry);
}
