namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// The answer of a key operation. <see cref="Secret"/> is set once: in the answer to the key's creation, the only
/// time the key itself exists outside its holder.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ApiKeyResult")]
public sealed record ApiKeyResult(
    [property: Id(0)] ApiKeyOutcome Outcome,
    [property: Id(1)] ApiKeyInfo? Key = null,
    [property: Id(2)] string? Secret = null,
    [property: Id(3)] string? Detail = null)
{
    public override string ToString() => $"{Outcome} {Key?.Id}"; // never the secret
}
