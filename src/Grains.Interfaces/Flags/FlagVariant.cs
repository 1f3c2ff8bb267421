using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>One value a flag can serve: a name (naming rules of <see cref="ConfigName"/>) and the value as raw JSON text.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagVariant")]
public sealed record FlagVariant(
    [property: Id(0)] string Name,
    [property: Id(1)] string Json);
