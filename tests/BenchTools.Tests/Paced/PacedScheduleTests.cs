using ConfigCluster.BenchTools.Paced;

namespace ConfigCluster.BenchTools.Tests.Paced;

/// <summary>The open-loop schedule: request n = k * connections + connection is due at start + n / rate.</summary>
public sealed class PacedScheduleTests
{
    private const long Start = 1_000_000;

    [Fact]
    public void MeasuringStartsAfterTheWarmupAndLastsTheDuration()
    {
        var schedule = PacedSchedule.From(Start, rate: 1000, connections: 4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

        Assert.Equal(Start, schedule.Start);
        Assert.Equal(Start + (2 * Stopwatch.Frequency), schedule.MeasureFrom);
        Assert.Equal(Start + (12 * Stopwatch.Frequency), schedule.End);
        Assert.Equal(10.0, schedule.MeasuredSeconds);
    }

    [Fact]
    public void WithoutWarmupMeasuringStartsAtTheStart()
    {
        var schedule = PacedSchedule.From(Start, rate: 1000, connections: 4, TimeSpan.Zero, TimeSpan.FromMilliseconds(1500));

        Assert.Equal(Start, schedule.MeasureFrom);
        Assert.Equal(1.5, schedule.MeasuredSeconds);
    }

    [Fact]
    public void TheFirstRequestOfTheFirstConnectionIsDueAtTheStart()
    {
        var schedule = PacedSchedule.From(Start, rate: 1000, connections: 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal(Start, schedule.Due(0, 0));
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(3, 0, 3)]
    [InlineData(0, 1, 4)]
    [InlineData(3, 2, 11)]
    [InlineData(2, 250, 1002)]
    public void RequestKOfAConnectionIsRequestNumberKTimesConnectionsPlusConnection(int connection, long k, long n)
    {
        var schedule = PacedSchedule.From(Start, rate: 1000, connections: 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal(Start + (n * Stopwatch.Frequency / 1000), schedule.Due(connection, k));
    }

    [Fact]
    public void TheConnectionsTakeTurnsSoOneSecondHoldsRateEvenlySpacedRequests()
    {
        const int Rate = 100;
        const int Connections = 3;
        var schedule = PacedSchedule.From(Start, Rate, Connections, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        var due = Enumerable.Range(0, Connections)
            .SelectMany(c => Enumerable.Range(0, 40).Select(k => schedule.Due(c, k)))
            .Where(t => t < Start + Stopwatch.Frequency)
            .Order()
            .ToArray();

        Assert.Equal(Rate, due.Length);
        Assert.Equal(Enumerable.Range(0, Rate).Select(n => Start + (n * Stopwatch.Frequency / Rate)), due);
    }
}
