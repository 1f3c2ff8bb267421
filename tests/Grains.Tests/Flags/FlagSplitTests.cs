using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Weighted splits: each variant owns a range of buckets in the order given, as wide as its weight.</summary>
public sealed class FlagSplitTests
{
    private static readonly VariantWeight[] TwentyThirtyFifty = [new("red", 20), new("green", 30), new("blue", 50)];

    [Theory]
    [InlineData(0, "red")]
    [InlineData(1_999, "red")]
    [InlineData(2_000, "green")]
    [InlineData(4_999, "green")]
    [InlineData(5_000, "blue")]
    [InlineData(9_999, "blue")]
    public void BucketPicksTheVariantWhoseCumulativeRangeHoldsIt(int bucket, string expected) =>
        Assert.Equal(expected, FlagSplit.Pick(TwentyThirtyFifty, bucket));

    [Theory]
    [InlineData(0, "b")]
    [InlineData(1, "b")]
    [InlineData(2, "c")]
    [InlineData(9_999, "c")]
    public void ZeroWeightsOwnNoBucketsAndHundredthsOwnOneEach(int bucket, string expected) =>
        Assert.Equal(expected, FlagSplit.Pick([new("a", 0), new("b", 0.02m), new("c", 99.98m)], bucket));

    [Fact]
    public void WeightsShortOfOneHundredLeaveTheTopBucketsToNobody() =>
        Assert.Null(FlagSplit.Pick([new("a", 50), new("b", 49.99m)], 9_999));

    [Fact]
    public void TwentyThirtyFiftySplitOfOneHundredThousandUsersIsWithinHalfAPointOfEachWeight()
    {
        var flag = TestFlags.Boolean() with
        {
            Variants = TestFlags.Colours,
            Rules = [new FlagRule("country", FlagOperator.Equals, ["NL"], FlagServe.Weighted(TwentyThirtyFifty))],
        };

        var counts = TestFlags.Users(100_000)
            .Select(u => FlagEvaluator.Evaluate(flag, TestFlags.User(u, ("country", "NL"))))
            .GroupBy(e => (e.Variant, e.Reason))
            .ToDictionary(g => g.Key, g => g.Count() / 1000.0);

        Assert.Equal(3, counts.Count);
        Assert.InRange(counts[("red", FlagReason.TargetingMatch)], 19.5, 20.5);
        Assert.InRange(counts[("green", FlagReason.TargetingMatch)], 29.5, 30.5);
        Assert.InRange(counts[("blue", FlagReason.TargetingMatch)], 49.5, 50.5);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void SplitRuleWithoutATargetingKeyIsTargetingKeyMissing(string? targetingKey)
    {
        var flag = TestFlags.Boolean() with
        {
            Variants = TestFlags.Colours,
            DefaultVariant = "red",
            Rules = [new FlagRule("country", FlagOperator.Equals, ["NL"], FlagServe.Weighted(TwentyThirtyFifty))],
        };

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User(targetingKey, ("country", "NL")));

        Assert.Equal((FlagReason.Error, FlagErrorCode.TargetingKeyMissing, "red", "\"red\""), (result.Reason, result.Error, result.Variant, result.ValueJson));
    }

    [Fact]
    public void SplitWithAllWeightOnOneVariantNeedsNoTargetingKey()
    {
        var flag = TestFlags.Boolean() with
        {
            Rules = [new FlagRule("country", FlagOperator.Equals, ["NL"], FlagServe.Weighted([new("off", 0), new("on", 100)]))],
        };

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User(null, ("country", "NL")));

        Assert.Equal(("on", FlagReason.TargetingMatch, (FlagErrorCode?)null), (result.Variant, result.Reason, result.Error));
    }
}
