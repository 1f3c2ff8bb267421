namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// A page of configs of one environment, optionally of one service (decision 6). <see cref="ReadableServices"/>:
/// the services whose configs the caller may read (null: all); the others are left out, also of the total.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigListQuery")]
public sealed record ConfigListQuery(
    [property: Id(0)] string Environment,
    [property: Id(1)] string? ServiceName,
    [property: Id(2)] int Limit = ConfigListQuery.DefaultLimit,
    [property: Id(3)] int Offset = 0,
    [property: Id(4)] IReadOnlySet<string>? ReadableServices = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
}
