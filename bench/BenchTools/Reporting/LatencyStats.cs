namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// Percentiles (nearest rank) of latencies in milliseconds, and how many expected samples never came.
/// A notification may beat the HTTP response to the client, so a latency from the ack can be negative.
/// </summary>
internal sealed record LatencyStats(int Samples, int Missing, double? P50Ms, double? P99Ms, double? MaxMs)
{
    public static LatencyStats From(IEnumerable<double> milliseconds, int missing)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, missing, null, null, null)
            : new LatencyStats(sorted.Length, missing, Percentile(sorted, 50), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile of values sorted ascending (not empty).</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
