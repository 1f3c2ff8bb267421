namespace ConfigCluster.Grains.Interfaces.Status;

/// <summary>The state of one dependency as this silo sees it.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.DependencyStatus")]
public sealed record DependencyStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] DependencyState State,
    [property: Id(2)] string? Detail = null);
