namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// A page of configs ordered by service_name then key. <see cref="Total"/> counts every match.
/// <see cref="Outcome"/> is Ok, or VaultUnavailable with a <see cref="Detail"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigPage")]
public sealed record ConfigPage(
    [property: Id(0)] ConfigOutcome Outcome,
    [property: Id(1)] IReadOnlyList<ConfigEntry> Items,
    [property: Id(2)] int Total,
    [property: Id(3)] int Limit,
    [property: Id(4)] int Offset,
    [property: Id(5)] string? Detail = null);
