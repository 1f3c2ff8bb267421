namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The evaluations of one request (one flag, or every flag of an environment in key order) and the
/// <see cref="ETag"/> of the flags they were evaluated from; or, when the flags could not be had, why not.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagEvaluations")]
public sealed record FlagEvaluations(
    [property: Id(0)] bool Available,
    [property: Id(1)] IReadOnlyList<FlagEvaluation> Items,
    [property: Id(2)] string? ETag = null,
    [property: Id(3)] string? Detail = null)
{
    public static FlagEvaluations Unavailable(string detail) => new(false, [], null, detail);
}
