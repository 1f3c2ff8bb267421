namespace ConfigCluster.BenchTools.Reporting;

/// <summary>One wrk run as bench/wrk/bench.lua's done() writes it (latencies in milliseconds).</summary>
internal sealed record WrkSummary(
    string Mode,
    long Requests,
    double DurationS,
    double RequestsPerSec,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    WrkErrors Errors);

/// <summary>wrk's error counts; <c>status</c> counts answers of 400 and above.</summary>
internal sealed record WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    public long Total => Connect + Read + Write + Status + Timeout;
}
