using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

/// <summary>Nearest-rank percentiles of latencies in ms, and how many expected samples never came.</summary>
public sealed class LatencyStatsTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(25, 10)]
    [InlineData(26, 20)]
    [InlineData(50, 20)]
    [InlineData(75, 30)]
    [InlineData(99, 40)]
    [InlineData(100, 40)]
    public void PercentileIsTheValueAtTheNearestRankNotAnInterpolation(double percent, double expected) =>
        Assert.Equal(expected, LatencyStats.Percentile([10, 20, 30, 40], percent));

    [Theory]
    [InlineData(100, 99)]
    [InlineData(200, 198)]
    [InlineData(1000, 990)]
    [InlineData(101, 100)]
    public void P99OfNSamplesIsTheValueOfRankCeilingOfPoint99N(int samples, double expectedRank)
    {
        var sorted = Enumerable.Range(1, samples).Select(i => (double)i).ToArray();

        Assert.Equal(expectedRank, LatencyStats.Percentile(sorted, 99));
    }

    [Fact]
    public void OneSampleIsEveryPercentile()
    {
        Assert.Equal(7, LatencyStats.Percentile([7], 50));
        Assert.Equal(7, LatencyStats.Percentile([7], 99));
    }

    [Fact]
    public void FromSortsTheSamplesItIsGiven()
    {
        var stats = LatencyStats.From([40, 10, 30, 20], missing: 0);

        Assert.Equal(new LatencyStats(4, 0, 20, 40, 40), stats);
    }

    [Fact]
    public void MissingSamplesAreReportedBesideTheMeasuredOnes()
    {
        var stats = LatencyStats.From([1, 2, 3], missing: 5);

        Assert.Equal(3, stats.Samples);
        Assert.Equal(5, stats.Missing);
    }

    [Fact]
    public void NoSamplesGiveNoPercentilesButStillCountTheMissing()
    {
        var stats = LatencyStats.From([], missing: 500);

        Assert.Equal(new LatencyStats(0, 500, null, null, null), stats);
    }

    [Fact]
    public void ANotificationBeforeTheAckCountsAsANegativeLatency()
    {
        var stats = LatencyStats.From([3, -2], missing: 0);

        Assert.Equal(-2, stats.P50Ms);
        Assert.Equal(3, stats.MaxMs);
    }
}
