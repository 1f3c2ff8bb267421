namespace ConfigCluster.BenchTools.Reporting;

/// <summary>The benchmark's targets (for a 2-core machine), checked against what this run measured.</summary>
internal static class TargetChecks
{
    public static IReadOnlyList<TargetCheck> Evaluate(
        IReadOnlyList<LoadRow> load, LatencyResult? latency, int connections, int? pacedRate, LatencyStats? flagLatency = null)
    {
        var checks = new List<TargetCheck>();
        if (Row(load, "get-plain", connections) is { } get)
        {
            // A row with errors meets no target: its figures count answers that were not the config.
            checks.Add(new($"cached GET >= 0.75 x bare Kestrel at {connections} connections", get.Ratio is { } ratio ? $"{ratio:F2} x" : "no baseline",
                get.Ratio >= 0.75 && get.Errors == 0));
            checks.Add(new($"cached GET p99 <= 3 ms at {connections} connections", $"{get.P99Ms:F2} ms{BaselineP99(load, get)}",
                get.P99Ms <= 3 && get.Errors == 0));
        }

        if (Row(load, "get-plain-key", connections) is { } keyed)
        {
            checks.Add(new($"cached GET with an API key >= 0.7 x bare Kestrel at {connections} connections",
                keyed.Ratio is { } ratio ? $"{ratio:F2} x" : "no baseline", keyed.Ratio >= 0.7 && keyed.Errors == 0));
        }

        // The same target read at a load the machine can carry: wrk's closed loop measures the p99 at saturation.
        if (Row(load, "get-plain-paced", connections) is { } paced && pacedRate is { } rate)
        {
            checks.Add(new($"cached GET p99 <= 3 ms at {connections} conns, open loop {rate:N0}/s", $"{paced.P99Ms:F2} ms{BaselineP99(load, paced)}",
                paced.P99Ms <= 3 && paced.Errors == 0));
        }

        if (Row(load, "ofrep", connections) is { } ofrep)
        {
            checks.Add(new($"OFREP evaluation >= 0.6 x bare Kestrel at {connections} connections",
                ofrep.Ratio is { } ratio ? $"{ratio:F2} x" : "no baseline", ofrep.Ratio >= 0.6 && ofrep.Errors == 0));
        }

        var writes = load.Where(r => r.Id == "put-many").MaxBy(r => r.RequestsPerSec);
        if (writes is not null)
        {
            checks.Add(new("writes across keys >= 1,000/s (audit + event)", $"{writes.RequestsPerSec:F0}/s at {writes.Connections} connections",
                writes.RequestsPerSec >= 1000 && writes.Errors == 0));
        }

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

        return checks;
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
