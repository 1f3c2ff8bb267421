using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>The evaluation order: disabled, excluded users, target users, rules (first match wins), rollout, default.</summary>
public sealed class FlagEvaluatorTests
{
    private static readonly FlagDefinition Colourful = TestFlags.Boolean() with
    {
        Variants = TestFlags.Colours,
        DefaultVariant = "blue",
        TargetUsers = ["alice", "bob"],
        TargetVariant = "green",
        ExcludedUsers = ["bob", "carol"],
        Rules =
        [
            new FlagRule("plan", FlagOperator.Equals, ["pro"], FlagServe.Fixed("red")),
            new FlagRule("plan", FlagOperator.In, ["pro", "team"], FlagServe.Fixed("green")),
        ],
        RolloutPercentage = 100,
        RolloutVariant = "off",
    };

    [Fact]
    public void DisabledFlagServesItsOffVariantWithReasonDisabledWhateverElseItHas()
    {
        var result = FlagEvaluator.Evaluate(Colourful with { Enabled = false }, TestFlags.User("alice", ("plan", "pro")));

        Assert.Equal(("off", "\"grey\"", FlagReason.Disabled, (FlagErrorCode?)null), (result.Variant, result.ValueJson, result.Reason, result.Error));
    }

    [Fact]
    public void DisabledFlagWithoutAnOffVariantServesItsDefaultVariant()
    {
        var flag = Colourful with { Enabled = false, Variants = TestFlags.Colours.Where(v => v.Name != "off").ToList() };

        var result = FlagEvaluator.Evaluate(flag, EvaluationContext.Empty);

        Assert.Equal(("blue", FlagReason.Disabled), (result.Variant, result.Reason));
    }

    [Fact]
    public void DisabledBooleanFlagServesFalse()
    {
        var result = FlagEvaluator.Evaluate(TestFlags.Boolean() with { Enabled = false }, EvaluationContext.Empty);

        Assert.Equal(("off", "false", FlagReason.Disabled), (result.Variant, result.ValueJson, result.Reason));
    }

    [Fact]
    public void ExcludedUserGetsTheDefaultVariantEvenWhenAlsoTargeted()
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("bob", ("plan", "pro")));

        Assert.Equal(("blue", FlagReason.Default), (result.Variant, result.Reason));
    }

    [Fact]
    public void ExcludedUserIsNotReachedByRulesOrRollout()
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("carol", ("plan", "pro")));

        Assert.Equal(("blue", FlagReason.Default), (result.Variant, result.Reason));
    }

    [Fact]
    public void TargetedUserGetsTheTargetVariantBeforeAnyRule()
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("alice", ("plan", "pro")));

        Assert.Equal(("green", "\"green\"", FlagReason.TargetingMatch), (result.Variant, result.ValueJson, result.Reason));
    }

    [Fact]
    public void TargetListsCompareOrdinally()
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("Alice"));

        Assert.Equal(("off", FlagReason.Split), (result.Variant, result.Reason));
    }

    [Fact]
    public void BooleanFlagTargetsUsersWithTrue()
    {
        var flag = TestFlags.Boolean() with { TargetUsers = ["alice"] };

        var result = FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey("alice"));

        Assert.Equal(("on", "true", FlagReason.TargetingMatch), (result.Variant, result.ValueJson, result.Reason));
    }

    [Theory]
    [InlineData("pro", "red")]
    [InlineData("team", "green")]
    public void FirstRuleThatMatchesWinsOverLaterRulesAndTheRollout(string plan, string expected)
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("dave", ("plan", plan)));

        Assert.Equal((expected, FlagReason.TargetingMatch), (result.Variant, result.Reason));
    }

    [Fact]
    public void UserNoRuleMatchesFallsThroughToTheRollout()
    {
        var result = FlagEvaluator.Evaluate(Colourful, TestFlags.User("dave", ("plan", "free")));

        Assert.Equal(("off", FlagReason.Split), (result.Variant, result.Reason));
    }

    [Fact]
    public void TypeMismatchInARuleStopsEvaluationThoughALaterRuleWouldMatch()
    {
        var flag = Colourful with { Rules = [TestFlags.Rule("plan", FlagOperator.Gt, "1") with { Serve = FlagServe.Fixed("red") }, .. Colourful.Rules] };

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User("dave", ("plan", "pro")));

        Assert.Equal((FlagReason.Error, FlagErrorCode.TypeMismatch, "blue", "\"blue\""), (result.Reason, result.Error, result.Variant, result.ValueJson));
    }

    [Fact]
    public void EnabledFlagWithoutTargetsRulesOrRolloutIsStatic()
    {
        var result = FlagEvaluator.Evaluate(TestFlags.Boolean(), TestFlags.User("anyone", ("plan", "pro")));

        Assert.Equal(("off", "false", FlagReason.Static), (result.Variant, result.ValueJson, result.Reason));
    }

    [Fact]
    public void ExcludedUsersAloneLeaveEveryoneElseStatic()
    {
        var flag = TestFlags.Boolean() with { ExcludedUsers = ["bob"] };

        Assert.Equal(FlagReason.Static, FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey("alice")).Reason);
        Assert.Equal(FlagReason.Default, FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey("bob")).Reason);
    }

    [Fact]
    public void FlagWithTargetingThatDoesNotApplyServesTheDefaultWithReasonDefault()
    {
        var flag = TestFlags.Boolean() with { TargetUsers = ["alice"], Rules = [TestFlags.Rule("plan", FlagOperator.Equals, "pro")] };

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User(null, ("plan", "free")));

        Assert.Equal(("off", FlagReason.Default), (result.Variant, result.Reason));
    }

    [Fact]
    public void VariantTheFlagDoesNotDefineIsAParseError()
    {
        var flag = TestFlags.Boolean() with { TargetUsers = ["alice"], TargetVariant = "purple" };

        var result = FlagEvaluator.Evaluate(flag, EvaluationContext.ForKey("alice"));

        Assert.Equal((FlagReason.Error, FlagErrorCode.ParseError, "off"), (result.Reason, result.Error, result.Variant));
    }

    [Fact]
    public void ErrorWithoutADefaultVariantCarriesNoValue()
    {
        var flag = TestFlags.Boolean() with { DefaultVariant = "purple" };

        var result = FlagEvaluator.Evaluate(flag, EvaluationContext.Empty);

        Assert.Equal((FlagReason.Error, FlagErrorCode.ParseError, (string?)null, (string?)null), (result.Reason, result.Error, result.Variant, result.ValueJson));
    }

    [Fact]
    public void EvaluationCarriesTheFlagsKeyAndVersion()
    {
        var result = FlagEvaluator.Evaluate(TestFlags.Boolean("dark-mode") with { Version = 42 }, EvaluationContext.Empty);

        Assert.Equal(("dark-mode", 42L), (result.Key, result.Version));
    }

    [Fact]
    public void EvaluationAllocatesNothingButItsResult()
    {
        var context = TestFlags.User("dave", ("plan", "free"), ("version", "2.1.0"));
        var flag = Colourful with { Rules = [.. Colourful.Rules, TestFlags.Rule("version", FlagOperator.SemverLt, "2.0.0")] };
        FlagEvaluator.Evaluate(flag, context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            FlagEvaluator.Evaluate(flag, context);
        }

        Assert.InRange((GC.GetAllocatedBytesForCurrentThread() - before) / 1000, 0, 80);
    }
}
