namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>Why a name or field was refused: the field it concerns and a message safe to show (never a value).</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.NameProblem")]
public sealed record NameProblem(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
