namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>Every key (revoked and expired ones too), or Unavailable with a detail.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ApiKeyList")]
public sealed record ApiKeyList(
    [property: Id(0)] ApiKeyOutcome Outcome,
    [property: Id(1)] IReadOnlyList<ApiKeyInfo> Keys,
    [property: Id(2)] string? Detail = null);
