using ConfigCluster.BenchTools.Registry;

namespace ConfigCluster.BenchTools.Reporting;

/// <summary>The benchmark's targets (for a 2-core machine), checked against what this run measured.</summary>
/// <remarks>A row with errors meets no target: its figures count answers that were not what was asked for.</remarks>
internal static class TargetChecks
{
    public static IReadOnlyList<TargetCheck> Evaluate(
        IReadOnlyList<LoadRow> load, LatencyResult? latency, int connections, int? pacedRate, LatencyStats? flagLatency = null,
        LatencyStats? registryDeath = null)
    {
        var checks = new List<TargetCheck>();
        AddRatio(checks, load, "get-plain", "cached GET", 0.75, connections);
        if (Row(load, "get-plain", connections) is { } get)
        {
            checks.Add(new($"cached GET p99 <= 3 ms at {connections} connections", $"{get.P99Ms:F2} ms{BaselineP99(load, get)}",
                get.P99Ms <= 3 && get.Errors == 0));
        }

        AddRatio(checks, load, "get-plain-key", "cached GET with an API key", 0.7, connections);

        // The same target read at a load the machine can carry: wrk's closed loop measures the p99 at saturation.
        if (Row(load, "get-plain-paced", connections) is { } paced && pacedRate is { } rate)
        {
            checks.Add(new($"cached GET p99 <= 3 ms at {connections} conns, open loop {rate:N0}/s", $"{paced.P99Ms:F2} ms{BaselineP99(load, paced)}",
                paced.P99Ms <= 3 && paced.Errors == 0));
        }

        AddRatio(checks, load, "ofrep", "OFREP evaluation", 0.6, connections);
        AddRatio(checks, load, "registry-healthy", "healthy-instances query", 0.5, connections);
        AddThroughput(checks, load, "put-many", "writes across keys >= 1,000/s (audit + event)", 1000);
        AddThroughput(checks, load, "heartbeat", "heartbeats >= 5,000/s", 5000);

        // An observer that heard nothing has no p99: the worst result, so it is reported, not left out.
        if (latency?.Observer is { } observer)
        {
            var measured = observer.P99Ms is { } p99 ? $"{p99:F1} ms" : "nothing heard";
            checks.Add(new("change -> observer p99 < 100 ms", $"{measured} ({observer.Missing} missing)",
                observer.P99Ms < 100 && observer.Missing == 0));
        }

        if (flagLatency is not null)
        {
            var measured = flagLatency.P99Ms is { } p99 ? $"{p99:F1} ms" : "nothing seen";
            checks.Add(new("flag change -> other gateway evaluates it, p99 < 1 s", $"{measured} ({flagLatency.Missing} missing)",
                flagLatency.P99Ms < 1000 && flagLatency.Missing == 0));
        }

        // Judged on the slowest trial: a handful of trials has no tail apart from its maximum.
        if (registryDeath is not null)
        {
            var limit = BenchRegistry.DeathTarget;
            var measured = registryDeath.MaxMs is { } max ? $"{max / 1000:F2} s max of {registryDeath.Samples}" : "never critical";
            checks.Add(new($"instance death -> critical in queries <= {limit.TotalSeconds:0.0#} s", $"{measured} ({registryDeath.Missing} missing)",
                registryDeath.MaxMs <= limit.TotalMilliseconds && registryDeath.Missing == 0));
        }

        return checks;
    }

    /// <summary>A row's throughput over its baseline's (bare Kestrel) at the given connection count.</summary>
    private static void AddRatio(List<TargetCheck> checks, IReadOnlyList<LoadRow> load, string id, string what, double minimum, int connections)
    {
        if (Row(load, id, connections) is { } row)
        {
            checks.Add(new($"{what} >= {minimum} x bare Kestrel at {connections} connections", row.Ratio is { } ratio ? $"{ratio:F2} x" : "no baseline",
                row.Ratio >= minimum && row.Errors == 0));
        }
    }

    /// <summary>A row's requests a second at its fastest connection count.</summary>
    private static void AddThroughput(List<TargetCheck> checks, IReadOnlyList<LoadRow> load, string id, string target, double minimum)
    {
        if (load.Where(r => r.Id == id).MaxBy(r => r.RequestsPerSec) is { } fastest)
        {
            checks.Add(new(target, $"{fastest.RequestsPerSec:F0}/s at {fastest.Connections} connections",
                fastest.RequestsPerSec >= minimum && fastest.Errors == 0));
        }
    }

    /// <summary>
    /// Bare Kestrel's own p99 in the same run, shown beside a p99 target: on a small machine the target can
    /// sit below it.
    /// </summary>
    private static string BaselineP99(IReadOnlyList<LoadRow> load, LoadRow row) =>
        row.Baseline is { } id && Row(load, id, row.Connections) is { } baseline ? $" (bare Kestrel {baseline.P99Ms:F2})" : "";

    private static LoadRow? Row(IReadOnlyList<LoadRow> load, string id, int connections) =>
        load.FirstOrDefault(r => r.Id == id && r.Connections == connections);
}
