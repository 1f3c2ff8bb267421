namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// One round of a read row: wrk's figures and the server's CPU per request, and the ratios to its
/// baseline's run of the same round (throughput: higher is better; CPU per request: lower is better).
/// </summary>
internal sealed record RoundResult(
    int Round, double RequestsPerSec, double P50Ms, double P99Ms, long Errors, double? CpuUsPerRequest, double? Ratio, double? CpuRatio);
