namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>A key to create: its name (unique is not required), its grants and when it expires (null: never).</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.NewApiKey")]
public sealed record NewApiKey(
    [property: Id(0)] string Name,
    [property: Id(1)] Grants Grants,
    [property: Id(2)] DateTimeOffset? ExpiresAt);
