namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// The answer of an instance operation: the outcome, the instance as it now is (as it was, after a deregistration),
/// the problems of an invalid registration (field and reason), and a detail safe to show.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.RegistryResult")]
public sealed record RegistryResult(
    [property: Id(0)] RegistryOutcome Outcome,
    [property: Id(1)] RegistryInstance? Instance = null,
    [property: Id(2)] IReadOnlyList<RegistryProblem>? Problems = null,
    [property: Id(3)] string? Detail = null)
{
    public static RegistryResult Fail(RegistryOutcome outcome, string detail) => new(outcome, Detail: detail);

    public static RegistryResult Invalid(IEnumerable<RegistryProblem> problems) =>
        new(RegistryOutcome.Invalid, Problems: [.. problems], Detail: "The registration is invalid; nothing was changed.");
}

/// <summary>One reason a registration was refused: the field (snake_case, dotted) and why.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.RegistryProblem")]
public sealed record RegistryProblem([property: Id(0)] string Field, [property: Id(1)] string Message);
