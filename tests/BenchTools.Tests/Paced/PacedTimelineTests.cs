using ConfigCluster.BenchTools.Paced;

namespace ConfigCluster.BenchTools.Tests.Paced;

/// <summary>An open-loop run second by second, by when each request was due: answers, p50, p99 and max in ms.</summary>
public sealed class PacedTimelineTests
{
    private const string Columns = "second\tanswers\tp50_ms\tp99_ms\tmax_ms";

    private static readonly PacedSchedule ThreeSeconds =
        PacedSchedule.From(Stopwatch.GetTimestamp(), rate: 100, connections: 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    [Fact]
    public void EachMeasuredSecondGetsARowAfterTheColumnNames()
    {
        var lines = Lines(PacedTimeline.Render(Tally(ThreeSeconds), ThreeSeconds));

        Assert.StartsWith("# second 0 began ", lines[0], StringComparison.Ordinal);
        Assert.Equal(Columns, lines[1]);
        Assert.Equal(["0\t0\t-\t-\t-", "1\t0\t-\t-\t-", "2\t0\t-\t-\t-"], lines[2..]);
    }

    [Fact]
    public void LatenciesCountInTheSecondTheirRequestWasDueCountedFromMeasureFrom()
    {
        var tally = Tally(ThreeSeconds, (100, 3), (500, 1), (999, 2), (2500, 10));

        var rows = Lines(PacedTimeline.Render(tally, ThreeSeconds))[2..];

        Assert.Equal(["0\t3\t2.00\t3.00\t3.00", "1\t0\t-\t-\t-", "2\t1\t10.00\t10.00\t10.00"], rows);
    }

    [Fact]
    public void PercentilesOfASecondAreNearestRankInMilliseconds()
    {
        var answers = Enumerable.Range(1, 100).Reverse().Select(ms => (DueMs: 1000.0 + ms, LatencyMs: (double)ms)).ToArray();

        var rows = Lines(PacedTimeline.Render(Tally(ThreeSeconds, answers), ThreeSeconds))[2..];

        Assert.Equal("1\t100\t50.00\t99.00\t100.00", rows[1]);
    }

    [Fact]
    public void APartLastSecondGetsItsOwnRow()
    {
        var schedule = PacedSchedule.From(Stopwatch.GetTimestamp(), rate: 100, connections: 2, TimeSpan.Zero, TimeSpan.FromMilliseconds(1500));

        var rows = Lines(PacedTimeline.Render(Tally(schedule, (1400, 0.25)), schedule))[2..];

        Assert.Equal(["0\t0\t-\t-\t-", "1\t1\t0.25\t0.25\t0.25"], rows);
    }

    [Fact]
    public void AnEmptyWindowStillGetsOneRowForItsAnswers()
    {
        var schedule = PacedSchedule.From(Stopwatch.GetTimestamp(), rate: 100, connections: 2, TimeSpan.Zero, TimeSpan.Zero);

        var rows = Lines(PacedTimeline.Render(Tally(schedule, (0, 1.5)), schedule))[2..];

        Assert.Equal(["0\t1\t1.50\t1.50\t1.50"], rows);
    }

    [Fact]
    public void SecondZeroBeganAtTheWallClockTimeOfMeasureFrom()
    {
        var measureFrom = Stopwatch.GetTimestamp() - (5 * Stopwatch.Frequency);
        var schedule = new PacedSchedule(measureFrom, Stopwatch.Frequency / 100.0, 2, measureFrom, measureFrom + Stopwatch.Frequency);
        var earliest = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(measureFrom);

        var firstLine = Lines(PacedTimeline.Render(Tally(schedule), schedule))[0];

        var latest = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(measureFrom);
        var began = DateTimeOffset.ParseExact(firstLine["# second 0 began ".Length..], "O", CultureInfo.InvariantCulture);
        Assert.InRange(began, earliest - TimeSpan.FromSeconds(1), latest + TimeSpan.FromSeconds(1));
    }

    /// <summary>Answers given as (due, latency) in milliseconds, the due time counted from MeasureFrom.</summary>
    private static PacedTally Tally(PacedSchedule schedule, params (double DueMs, double LatencyMs)[] answers) => new(
        [.. answers.Select(a => Ticks(a.LatencyMs))],
        [.. answers.Select(a => schedule.MeasureFrom + Ticks(a.DueMs))],
        StatusErrors: 0,
        ReadErrors: 0);

    private static long Ticks(double milliseconds) => (long)Math.Round(milliseconds * Stopwatch.Frequency / 1000);

    private static string[] Lines(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }
}
