namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>Who made a change and under which request id; carried to audit rows and events.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ChangeContext")]
public sealed record ChangeContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string RequestId)
{
    public static ChangeContext Anonymous(string requestId) => new("anonymous", requestId);
}
