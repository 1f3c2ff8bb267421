namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>The answer of a single-config operation: an outcome, the config when there is one, and a detail safe to show.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigResult")]
public sealed record ConfigResult(
    [property: Id(0)] ConfigOutcome Outcome,
    [property: Id(1)] ConfigEntry? Entry = null,
    [property: Id(2)] string? Detail = null)
{
    public bool Succeeded => Outcome is ConfigOutcome.Ok or ConfigOutcome.Created;

    public static ConfigResult Found(ConfigEntry entry) => new(ConfigOutcome.Ok, entry);

    public static ConfigResult Fail(ConfigOutcome outcome, string detail) => new(outcome, null, detail);
}
