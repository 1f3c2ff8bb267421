namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// One wrk run as bench/wrk/bench.lua's done() writes it (latencies in milliseconds), and the CPU time the
/// process that answered spent during it (bench/run.sh measures it beside; null when it could not).
/// </summary>
internal sealed record WrkSummary(
    string Mode,
    long Requests,
    double DurationS,
    double RequestsPerSec,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    WrkErrors Errors)
{
    public double? ServerCpuS { get; init; }

    /// <summary>Server CPU per request, in microseconds.</summary>
    public double? CpuUsPerRequest => ServerCpuS is { } cpu && Requests > 0 ? Math.Round(cpu * 1e6 / Requests, 1) : null;
}

/// <summary>wrk's error counts; <c>status</c> counts answers of 400 and above.</summary>
internal sealed record WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    public long Total => Connect + Read + Write + Status + Timeout;
}
