namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>What is wrong with one field of a flag (snake_case path such as <c>rules[0].values</c>); never repeats a value.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagProblem")]
public sealed record FlagProblem(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
