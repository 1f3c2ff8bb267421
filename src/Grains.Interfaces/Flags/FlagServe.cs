namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// What a matching rule serves: exactly one of a fixed <see cref="Variant"/> or a weighted <see cref="Split"/>
/// (weights summing to 100, picked by the user's bucket).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagServe")]
public sealed record FlagServe(
    [property: Id(0)] string? Variant,
    [property: Id(1)] IReadOnlyList<VariantWeight>? Split)
{
    public static FlagServe Fixed(string variant) => new(variant, null);

    public static FlagServe Weighted(IReadOnlyList<VariantWeight> split) => new(null, split);
}
