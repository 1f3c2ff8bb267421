namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>A variant's share of a weighted split, in percent with at most two decimals.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.VariantWeight")]
public sealed record VariantWeight(
    [property: Id(0)] string Variant,
    [property: Id(1)] decimal Weight);
