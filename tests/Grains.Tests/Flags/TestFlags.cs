using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Flags and contexts for the evaluation tests: enabled boolean flags unless a test says otherwise.</summary>
internal static class TestFlags
{
    public static readonly IReadOnlyList<FlagVariant> Colours =
        [new("red", "\"red\""), new("green", "\"green\""), new("blue", "\"blue\""), new("off", "\"grey\"")];

    public static FlagDefinition Boolean(string key = "new-checkout") =>
        new() { Environment = "prod", Key = key, Enabled = true, Version = 7 };

    /// <summary>A flag with every field away from its default, variants and split out of alphabetical order: for JSON round trips.</summary>
    public static FlagDefinition FullyPopulated() => new()
    {
        Environment = "prod",
        Key = "new-checkout",
        Description = "Checkout v2",
        Enabled = true,
        RolloutPercentage = 25.50m,
        RolloutVariant = "green",
        TargetUsers = ["u1", "u2"],
        TargetVariant = "red",
        ExcludedUsers = ["u3"],
        Rules =
        [
            new FlagRule("country", FlagOperator.In, ["NL", "BE"], FlagServe.Fixed("red")),
            new FlagRule("plan", FlagOperator.Equals, ["pro"], FlagServe.Weighted([new("red", 30.00m), new("green", 70)])),
            new FlagRule("app_version", FlagOperator.SemverGte, ["2.0.0"], FlagServe.Fixed("blue")),
        ],
        Variants = [new("red", "\"red\""), new("green", "{\"hex\":\"#0f0\",\"rgb\":[0,255,0]}"), new("blue", "42"), new("off", "null")],
        DefaultVariant = "off",
        Tags = ["checkout", "q3"],
        Version = 3,
        CreatedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 12, 7, 12, 30, 0, TimeSpan.FromHours(1)),
    };

    public static FlagDefinition WithRule(FlagRule rule) => Boolean() with { Rules = [rule] };

    public static FlagRule Rule(string attribute, FlagOperator op, params string[] values) =>
        new(attribute, op, values, FlagServe.Fixed("on"));

    public static EvaluationContext User(string? targetingKey, params (string Name, ContextValue Value)[] attributes) =>
        new(targetingKey, attributes.ToDictionary(a => a.Name, a => a.Value));

    public static IEnumerable<string> Users(int count) => Enumerable.Range(0, count).Select(i => $"user-{i}");
}
