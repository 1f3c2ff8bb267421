using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

public sealed class MedianTests
{
    [Fact]
    public void AnOddCountGivesTheMiddleValue() => Assert.Equal(3, Median.Of([5, 1, 3]));

    [Fact]
    public void AnEvenCountGivesTheMeanOfTheTwoMiddleValues() => Assert.Equal(2.5, Median.Of([4, 1, 3, 2]));

    [Fact]
    public void OneValueIsItsOwnMedian() => Assert.Equal(0.75, Median.Of([0.75]));

    [Fact]
    public void AnOutlierDoesNotMoveTheMedian() => Assert.Equal(2, Median.Of([1, 2, 1_000_000]));

    [Fact]
    public void NothingHasNoMedian()
    {
        var thrown = Assert.Throws<ArgumentException>(() => Median.Of([]));

        Assert.Equal("values", thrown.ParamName);
    }
}
