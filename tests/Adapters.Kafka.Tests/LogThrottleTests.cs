using Microsoft.Extensions.Time.Testing;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class LogThrottleTests
{
    [Fact]
    public void RepeatedLinesOfOneKeyAreHeldBackForTheIntervalAndCountedInTheNextLine()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(30));

        Assert.True(throttle.TryEnter("error:-195", out var first));
        Assert.False(throttle.TryEnter("error:-195", out _));
        Assert.False(throttle.TryEnter("error:-195", out _));
        Assert.True(throttle.TryEnter("error:-187", out _));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.TryEnter("error:-195", out var afterInterval));

        Assert.Equal((0, 2), (first, afterInterval));
    }
}
