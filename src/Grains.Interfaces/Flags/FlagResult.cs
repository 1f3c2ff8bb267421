namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The answer of a flag operation: the outcome, the flag as it now is (none after a delete or a refusal), the
/// problems of an invalid definition, and a detail safe to show.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagResult")]
public sealed record FlagResult(
    [property: Id(0)] FlagOutcome Outcome,
    [property: Id(1)] FlagDefinition? Flag = null,
    [property: Id(2)] IReadOnlyList<FlagProblem>? Problems = null,
    [property: Id(3)] string? Detail = null)
{
    public bool Succeeded => Outcome is FlagOutcome.Ok or FlagOutcome.Created or FlagOutcome.Deleted;

    public static FlagResult Fail(FlagOutcome outcome, string detail) => new(outcome, Detail: detail);

    public static FlagResult Invalid(IEnumerable<FlagProblem> problems) =>
        new(FlagOutcome.Invalid, Problems: [.. problems], Detail: "The flag is invalid; nothing was changed.");
}
