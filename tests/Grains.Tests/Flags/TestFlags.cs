using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Flags and contexts for the evaluation tests: enabled boolean flags unless a test says otherwise.</summary>
internal static class TestFlags
{
    public static readonly IReadOnlyList<FlagVariant> Colours =
        [new("red", "\"red\""), new("green", "\"green\""), new("blue", "\"blue\""), new("off", "\"grey\"")];

    public static FlagDefinition Boolean(string key = "new-checkout") =>
        new() { Environment = "prod", Key = key, Enabled = true, Version = 7 };

    public static FlagDefinition WithRule(FlagRule rule) => Boolean() with { Rules = [rule] };

    public static FlagRule Rule(string attribute, FlagOperator op, params string[] values) =>
        new(attribute, op, values, FlagServe.Fixed("on"));

    public static EvaluationContext User(string? targetingKey, params (string Name, ContextValue Value)[] attributes) =>
        new(targetingKey, attributes.ToDictionary(a => a.Name, a => a.Value));

    public static IEnumerable<string> Users(int count) => Enumerable.Range(0, count).Select(i => $"user-{i}");
}
