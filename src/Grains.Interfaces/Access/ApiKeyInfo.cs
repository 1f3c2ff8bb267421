namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>What may be shown of an API key: never its secret, nor its hash.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Grants Grants,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset? RevokedAt);
