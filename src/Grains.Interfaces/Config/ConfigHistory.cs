namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>A page of a config's history, newest first: audit entries joined with Vault's version list.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigHistory")]
public sealed record ConfigHistory(
    [property: Id(0)] ConfigOutcome Outcome,
    [property: Id(1)] IReadOnlyList<ConfigHistoryEntry> Items,
    [property: Id(2)] int Total,
    [property: Id(3)] int Limit,
    [property: Id(4)] int Offset,
    [property: Id(5)] string? Detail = null);
