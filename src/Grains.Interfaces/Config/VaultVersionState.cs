namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>A version as Vault lists it: when it was written, and whether it can still be read.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.VaultVersionState")]
public sealed record VaultVersionState(
    [property: Id(0)] DateTimeOffset CreatedAt,
    [property: Id(1)] bool Deleted,
    [property: Id(2)] bool Destroyed);
