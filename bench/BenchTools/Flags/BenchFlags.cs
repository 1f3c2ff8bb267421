using System.Globalization;

namespace ConfigCluster.BenchTools.Flags;

/// <summary>
/// The flags a run evaluates; bench/wrk/bench.lua names them the same way. Flag <c>i</c> of <see cref="Count"/> is
/// <c>flag-{i:D3}</c> in environment <c>bench</c>: enabled, ten target users, two excluded, two rules (a split on
/// <c>country</c>, a variant on <c>plan</c>) and a 50% rollout, so an evaluation walks every step.
/// </summary>
internal static class BenchFlags
{
    public const int Count = 100;

    /// <summary>The flag whose changes the latency probe makes.</summary>
    public const string Dial = "flag-dial";

    public static string Key(int i) => $"flag-{i.ToString("D3", CultureInfo.InvariantCulture)}";

    public static string Definition(string key)
    {
        var targets = string.Join(", ", Enumerable.Range(0, 10).Select(u => $"\"target-{u}\""));
        return $$$"""
            {"environment": "{{{BenchLayout.Environment}}}", "key": "{{{key}}}", "description": "bench flag", "enabled": true,
             "rollout_percentage": 50, "target_users": [{{{targets}}}], "excluded_users": ["excluded-0", "excluded-1"],
             "rules": [
               {"attribute": "country", "operator": "in", "values": ["NL", "BE"],
                "serve": {"split": [{"variant": "on", "weight": 30}, {"variant": "off", "weight": 70}]}},
               {"attribute": "plan", "operator": "equals", "values": ["enterprise"], "serve": {"variant": "on"}}
             ],
             "tags": ["bench"]}
            """;
    }
}
