using System.Text;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// An open-loop run second by second (by when each request was due): how many answers, p50, p99 and the
/// slowest, in ms. A run's p99 says how slow its worst percent was; this says when, which tells a stall
/// (a few seconds of long waits) from a steady tail.
/// </summary>
internal static class PacedTimeline
{
    public static string Render(PacedTally tally, PacedSchedule schedule)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(schedule.MeasuredSeconds)); // a row even for an empty window
        var buckets = Enumerable.Range(0, seconds).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < tally.Latencies.Length; i++)
        {
            var second = (int)((tally.DueAt[i] - schedule.MeasureFrom) / Stopwatch.Frequency);
            buckets[Math.Clamp(second, 0, seconds - 1)].Add(tally.Latencies[i] * 1000.0 / Stopwatch.Frequency);
        }

        // The wall-clock time of second 0, to line the run up with the server's own logs and counters.
        var measuredFrom = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(schedule.MeasureFrom);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# second 0 began {measuredFrom:O}\n");
        text.Append("second\tanswers\tp50_ms\tp99_ms\tmax_ms\n");
        for (var second = 0; second < seconds; second++)
        {
            var sorted = buckets[second].Order().ToArray();
            text.Append(CultureInfo.InvariantCulture, $"{second}\t{sorted.Length}\t{Format(sorted, 50)}\t{Format(sorted, 99)}\t{Format(sorted, 100)}\n");
        }

        return text.ToString();
    }

    private static string Format(double[] sorted, double percent) =>
        sorted.Length == 0 ? "-" : LatencyStats.Percentile(sorted, percent).ToString("F2", CultureInfo.InvariantCulture);
}
