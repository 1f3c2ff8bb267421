namespace ConfigCluster.BenchTools.Reporting;

/// <summary>One round of a read row: wrk's figures, and the ratio to its baseline's run of the same round.</summary>
internal sealed record RoundResult(int Round, double RequestsPerSec, double P50Ms, double P99Ms, long Errors, double? Ratio);
