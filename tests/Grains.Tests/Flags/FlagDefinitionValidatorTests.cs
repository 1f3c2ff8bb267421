using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Every rule of a valid flag definition, each broken once on an otherwise valid flag.</summary>
public sealed class FlagDefinitionValidatorTests
{
    private static readonly FlagDefinition Valid = new()
    {
        Environment = "prod",
        Key = "checkout.colour_v2",
        Description = new string('d', 1024),
        Enabled = true,
        RolloutPercentage = 12.34m,
        RolloutVariant = "green",
        TargetUsers = ["alice", new string('u', 256)],
        TargetVariant = "red",
        ExcludedUsers = ["bob"],
        Variants = [new("red", "\"red\""), new("green", "{\"hex\":\"#0f0\",\"weights\":[1,2.5]}"), new("blue", "42"), new("none", "null")],
        DefaultVariant = "blue",
        Tags = ["team-checkout", "q3"],
        Rules =
        [
            new FlagRule("country", FlagOperator.In, ["NL", "BE"], FlagServe.Fixed("red")),
            new FlagRule("email", FlagOperator.EndsWith, ["@example.com"], FlagServe.Weighted([new("red", 33.33m), new("green", 66.67m), new("blue", 0)])),
            new FlagRule(new string('a', 128), FlagOperator.Equals, ["x"], FlagServe.Fixed("blue")),
            new FlagRule("age", FlagOperator.Gt, ["17", "-1.5", "1e3"], FlagServe.Fixed("green")),
            new FlagRule("app_version", FlagOperator.SemverGte, ["v2.0.0-beta.1"], FlagServe.Fixed("green")),
            new FlagRule("app_version", FlagOperator.SemverLt, ["1.0.0"], FlagServe.Weighted([new("green", 100)])),
        ],
    };

    private static readonly Dictionary<string, (Func<FlagDefinition, FlagDefinition> Break, string Field)> Broken = new()
    {
        ["missing key"] = (f => f with { Key = "" }, "key"),
        ["key with a slash"] = (f => f with { Key = "a/b" }, "key"),
        ["key of 129 characters"] = (f => f with { Key = new string('k', 129) }, "key"),
        ["environment '..'"] = (f => f with { Environment = ".." }, "environment"),
        ["description of 1025 characters"] = (f => f with { Description = new string('d', 1025) }, "description"),
        ["rollout below 0"] = (f => f with { RolloutPercentage = -0.01m }, "rollout_percentage"),
        ["rollout above 100"] = (f => f with { RolloutPercentage = 100.01m }, "rollout_percentage"),
        ["rollout with three decimals"] = (f => f with { RolloutPercentage = 12.345m }, "rollout_percentage"),
        ["no variants"] = (f => f with { Variants = [] }, "variants"),
        ["variant with an invalid name"] = (f => f with { Variants = [.. f.Variants, new("dark mode", "1")] }, "variants[4].name"),
        ["two variants of one name"] = (f => f with { Variants = [.. f.Variants, new("red", "1")] }, "variants[4].name"),
        ["variant whose value is not JSON"] = (f => f with { Variants = [.. f.Variants, new("x", "blue")] }, "variants[4].json"),
        ["variant whose value is two JSON values"] = (f => f with { Variants = [.. f.Variants, new("x", "1 2")] }, "variants[4].json"),
        ["variant whose value is empty"] = (f => f with { Variants = [.. f.Variants, new("x", " ")] }, "variants[4].json"),
        ["variant whose value is over 512 KiB"] = (f => f with { Variants = [.. f.Variants, new("x", $"\"{new string('v', 512 * 1024)}\"")] }, "variants[4].json"),
        ["unknown default variant"] = (f => f with { DefaultVariant = "purple" }, "default_variant"),
        ["unknown rollout variant with a rollout"] = (f => f with { RolloutVariant = "purple" }, "rollout_variant"),
        ["unknown target variant with target users"] = (f => f with { TargetVariant = "purple" }, "target_variant"),
        ["10,001 target users"] = (f => f with { TargetUsers = TestFlags.Users(10_001).ToList() }, "target_users"),
        ["empty target user"] = (f => f with { TargetUsers = ["alice", ""] }, "target_users[1]"),
        ["target user of 257 characters"] = (f => f with { TargetUsers = [new string('u', 257)] }, "target_users[0]"),
        ["10,001 excluded users"] = (f => f with { ExcludedUsers = TestFlags.Users(10_001).ToList() }, "excluded_users"),
        ["empty excluded user"] = (f => f with { ExcludedUsers = [""] }, "excluded_users[0]"),
        ["tag with a space"] = (f => f with { Tags = ["ok", "not ok"] }, "tags[1]"),
        ["rule without attribute"] = (f => WithRule(f, new("", FlagOperator.In, ["x"], FlagServe.Fixed("red"))), "rules[6].attribute"),
        ["rule attribute of 129 characters"] = (f => WithRule(f, new(new string('a', 129), FlagOperator.In, ["x"], FlagServe.Fixed("red"))), "rules[6].attribute"),
        ["rule with an unknown operator"] = (f => WithRule(f, new("a", (FlagOperator)99, ["x"], FlagServe.Fixed("red"))), "rules[6].operator"),
        ["rule without values"] = (f => WithRule(f, new("a", FlagOperator.In, [], FlagServe.Fixed("red"))), "rules[6].values"),
        ["equals with two values"] = (f => WithRule(f, new("a", FlagOperator.Equals, ["x", "y"], FlagServe.Fixed("red"))), "rules[6].values"),
        ["gt with a word"] = (f => WithRule(f, new("a", FlagOperator.Gt, ["1", "ten"], FlagServe.Fixed("red"))), "rules[6].values"),
        ["lt with a decimal comma"] = (f => WithRule(f, new("a", FlagOperator.Lt, ["1,5"], FlagServe.Fixed("red"))), "rules[6].values"),
        ["semver_gte with a two-part version"] = (f => WithRule(f, new("a", FlagOperator.SemverGte, ["1.2"], FlagServe.Fixed("red"))), "rules[6].values"),
        ["semver_lt with a leading zero"] = (f => WithRule(f, new("a", FlagOperator.SemverLt, ["1.02.0"], FlagServe.Fixed("red"))), "rules[6].values"),
        ["serve with neither variant nor split"] = (f => WithRule(f, new("a", FlagOperator.In, ["x"], new FlagServe(null, null))), "rules[6].serve"),
        ["serve with both variant and split"] = (f => WithRule(f, new("a", FlagOperator.In, ["x"], new FlagServe("red", [new("red", 100)]))), "rules[6].serve"),
        ["serve of an unknown variant"] = (f => WithRule(f, new("a", FlagOperator.In, ["x"], FlagServe.Fixed("purple"))), "rules[6].serve.variant"),
        ["split to an unknown variant"] = (f => WithSplit(f, new("red", 50), new("purple", 50)), "rules[6].serve.split[1].variant"),
        ["split with a negative weight"] = (f => WithSplit(f, new("red", 110), new("green", -10)), "rules[6].serve.split[1].weight"),
        ["split weights adding up to 99.99"] = (f => WithSplit(f, new("red", 50), new("green", 49.99m)), "rules[6].serve.split"),
        ["empty split"] = (f => WithSplit(f), "rules[6].serve.split"),
    };

    public static TheoryData<string> BrokenCases => [.. Broken.Keys];

    [Fact]
    public void FlagThatKeepsEveryRuleHasNoProblems() => Assert.Empty(FlagDefinitionValidator.Validate(Valid));

    [Fact]
    public void BooleanFlagWithOnlyAKeyAndEnvironmentIsValid() =>
        Assert.Empty(FlagDefinitionValidator.Validate(new FlagDefinition { Environment = "dev", Key = "dark-mode" }));

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void EachBrokenRuleIsReportedAgainstItsFieldAlone(string brokenRule)
    {
        var (breakIt, field) = Broken[brokenRule];

        var problems = FlagDefinitionValidator.Validate(breakIt(Valid));

        Assert.Equal([field], problems.Select(p => p.Field));
    }

    [Fact]
    public void RolloutAndTargetVariantsNeedToExistOnlyWhenUsed()
    {
        var flag = Valid with { RolloutPercentage = 0, RolloutVariant = "purple", TargetUsers = [], TargetVariant = "" };

        Assert.Empty(FlagDefinitionValidator.Validate(flag));
    }

    [Fact]
    public void RolloutOfExactlyZeroAndOneHundredAreValid()
    {
        Assert.Empty(FlagDefinitionValidator.Validate(Valid with { RolloutPercentage = 0 }));
        Assert.Empty(FlagDefinitionValidator.Validate(Valid with { RolloutPercentage = 100.00m }));
    }

    [Fact]
    public void SplitWeightWithThreeDecimalsIsReportedAndSoIsTheSumItSpoils()
    {
        var problems = FlagDefinitionValidator.Validate(WithSplit(Valid, new("red", 50.005m), new("green", 49.99m)));

        Assert.Equal(["rules[6].serve.split[0].weight", "rules[6].serve.split"], problems.Select(p => p.Field));
    }

    [Fact]
    public void OnlyTheFirstBadUserOfAListIsReported()
    {
        var problems = FlagDefinitionValidator.Validate(Valid with { TargetUsers = ["", "ok", ""] });

        Assert.Equal(["target_users[0]"], problems.Select(p => p.Field));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceAndNoMessageRepeatsAValue()
    {
        var flag = Valid with { Key = "bad key!", DefaultVariant = "secret-looking-name", Rules = [new("a", FlagOperator.Gt, ["oops-123"], FlagServe.Fixed("red"))] };

        var problems = FlagDefinitionValidator.Validate(flag);

        Assert.Equal(["key", "default_variant", "rules[0].values"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.DoesNotContain("secret-looking-name", p.Message));
        Assert.All(problems, p => Assert.DoesNotContain("oops-123", p.Message));
    }

    private static FlagDefinition WithRule(FlagDefinition flag, FlagRule rule) => flag with { Rules = [.. flag.Rules, rule] };

    private static FlagDefinition WithSplit(FlagDefinition flag, params VariantWeight[] split) =>
        WithRule(flag, new FlagRule("a", FlagOperator.In, ["x"], FlagServe.Weighted(split)));
}
