namespace ConfigCluster.Grains.LocalReads;

/// <summary>
/// What the host makes of an answer published to its local reads, made once per publication and handed
/// to every reader of it (the gateway: the response body). Only plain configs are ever published.
/// </summary>
public interface ILocalReadRenderer
{
    object Render(ConfigEntry entry);
}
