using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Percentage rollouts: the share served matches the percentage, and changing it only moves users across the line.</summary>
public sealed class FlagRolloutTests
{
    private static readonly string[] Users = TestFlags.Users(100_000).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(90)]
    public void ShareOfOneHundredThousandUsersServedIsWithinHalfAPointOfTheRollout(double percentage)
    {
        var flag = TestFlags.Boolean() with { RolloutPercentage = (decimal)percentage };

        var on = Users.Count(u => FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey(u)).Variant == "on");

        Assert.InRange(on * 100.0 / Users.Length, percentage - 0.5, percentage + 0.5);
    }

    [Fact]
    public void EveryRolloutDecisionHasReasonSplit()
    {
        var flag = TestFlags.Boolean() with { RolloutPercentage = 50 };

        var reasons = Users.Take(1000).Select(u => FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey(u)).Reason).Distinct();

        Assert.Equal([FlagReason.Split], reasons);
    }

    [Fact]
    public void RaisingTheRolloutNeverTurnsOffAUserWhoHadItOn()
    {
        decimal[] percentages = [0.01m, 1, 5, 12.34m, 25, 50, 75, 99.99m, 100];
        var on = percentages.Select(OnAt).ToArray();

        for (var i = 0; i < on.Length; i++)
        {
            for (var j = i + 1; j < on.Length; j++)
            {
                Assert.Subset(on[j], on[i]);
            }
        }
    }

    [Theory]
    [InlineData(50, 10)]
    [InlineData(90, 89.99)]
    [InlineData(12.34, 0.01)]
    [InlineData(100, 0.5)]
    public void LoweringTheRolloutTurnsOffExactlyTheUsersWithBucketsBetweenTheNewAndOldLine(double from, double to)
    {
        var (oldLine, newLine) = ((decimal)from * 100, (decimal)to * 100);
        var (before, after) = (OnAt((decimal)from), OnAt((decimal)to));

        var expected = Users.Where(u => FlagBucketing.Bucket("new-checkout", u) is var b && b >= newLine && b < oldLine);
        Assert.Equal(expected.ToHashSet(), before.Except(after).ToHashSet());
        Assert.Empty(after.Except(before));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void RolloutWithoutATargetingKeyIsTargetingKeyMissingWithTheDefaultValue(string? targetingKey)
    {
        var flag = TestFlags.Boolean() with { RolloutPercentage = 100 };

        var result = FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey(targetingKey));

        Assert.Equal((FlagReason.Error, FlagErrorCode.TargetingKeyMissing, "off", "false"), (result.Reason, result.Error, result.Variant, result.ValueJson));
    }

    [Fact]
    public void UsersOutsideTheRolloutGetTheDefaultVariantAndThoseInsideTheRolloutVariant()
    {
        var flag = TestFlags.Boolean() with { Variants = TestFlags.Colours, DefaultVariant = "red", RolloutVariant = "blue", RolloutPercentage = 30 };

        foreach (var user in Users.Take(2000))
        {
            var expected = FlagBucketing.Bucket(flag.Key, user) < 3000 ? "blue" : "red";
            Assert.Equal(expected, FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey(user)).Variant);
        }
    }

    private static HashSet<string> OnAt(decimal percentage)
    {
        var flag = TestFlags.Boolean() with { RolloutPercentage = percentage };
        return Users.Where(u => FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey(u)).Variant == "on").ToHashSet();
    }
}
