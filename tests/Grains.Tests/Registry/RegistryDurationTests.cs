using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Grains.Tests.Registry;

public sealed class RegistryDurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m", 60_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1h1m1s1ms", 3_661_001)]
    public void DurationsAreWholeNumbersWithUnitsLargestFirst(string text, long milliseconds)
    {
        Assert.True(RegistryDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.Equal(text, RegistryDuration.Format(duration));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("1.5s")]
    [InlineData("-1s")]
    [InlineData("10S")]
    [InlineData("1s1m")]
    [InlineData("1s1s")]
    [InlineData("10 s")]
    [InlineData("1d")]
    [InlineData("9999999999h")]
    [InlineData("9000h")]
    public void AnythingElseIsNotADuration(string text) => Assert.False(RegistryDuration.TryParse(text, out _));

    [Fact]
    public void TheSameDurationIsWrittenInItsShortestForm() =>
        Assert.Equal(["1m", "1m30s", "0s"], new[] { TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90), TimeSpan.Zero }.Select(RegistryDuration.Format));
}
