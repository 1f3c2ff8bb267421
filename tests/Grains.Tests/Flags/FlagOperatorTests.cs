using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>
/// Each rule operator, holding and not holding, for strings, numbers and booleans. A rule that holds serves "on"
/// (TARGETING_MATCH); one that does not leaves the flag at its default "off" (DEFAULT).
/// </summary>
public sealed class FlagOperatorTests
{
    [Theory]
    [InlineData("gold", "in", "silver|gold", true)]
    [InlineData("Gold", "in", "gold", false)]
    [InlineData("gold", "in", "silver|bronze", false)]
    [InlineData("42", "in", "42", true)]
    [InlineData(42, "in", "41|42", true)]
    [InlineData(42, "in", "42.0", true)]
    [InlineData(42.5, "in", "42", false)]
    [InlineData(42, "in", "forty-two", false)]
    [InlineData(true, "in", "true", true)]
    [InlineData(false, "in", "true", false)]
    [InlineData(true, "in", "True", false)]
    [InlineData("gold", "not_in", "silver|bronze", true)]
    [InlineData("gold", "not_in", "silver|gold", false)]
    [InlineData(7, "not_in", "1|2", true)]
    [InlineData(7, "not_in", "7", false)]
    [InlineData(false, "not_in", "true", true)]
    [InlineData(true, "not_in", "true", false)]
    [InlineData("beta", "equals", "beta", true)]
    [InlineData("beta", "equals", "Beta", false)]
    [InlineData(3, "equals", "3.00", true)]
    [InlineData(3, "equals", "4", false)]
    [InlineData(-0.5, "equals", "-5e-1", true)]
    [InlineData(true, "equals", "true", true)]
    [InlineData(false, "equals", "true", false)]
    [InlineData("alice@example.com", "starts_with", "bob|alice", true)]
    [InlineData("alice@example.com", "starts_with", "Alice", false)]
    [InlineData("alice@example.com", "ends_with", "@example.com", true)]
    [InlineData("alice@example.com", "ends_with", "@example.org", false)]
    [InlineData("alice@example.com", "contains", "example", true)]
    [InlineData("alice@example.com", "contains", "EXAMPLE", false)]
    [InlineData("grüße", "contains", "üß", true)]
    [InlineData(10, "gt", "9.5", true)]
    [InlineData(10, "gt", "10", false)]
    [InlineData(-1, "gt", "-2", true)]
    [InlineData(10, "gt", "20|5", true)]
    [InlineData(3, "lt", "3.5", true)]
    [InlineData(3, "lt", "3", false)]
    [InlineData(0.001, "lt", "1e-2", true)]
    [InlineData("1.2.3", "semver_gte", "1.2.3", true)]
    [InlineData("1.2.3", "semver_gte", "1.2.4", false)]
    [InlineData("v2.0.0", "semver_gte", "1.10.0", true)]
    [InlineData("1.10.0", "semver_gte", "1.9.0", true)]
    [InlineData("1.0.0-beta", "semver_gte", "1.0.0", false)]
    [InlineData("1.0.0+build.5", "semver_gte", "v1.0.0", true)]
    [InlineData("1.0.0-alpha", "semver_lt", "1.0.0-alpha.1", true)]
    [InlineData("1.0.0-alpha.1", "semver_lt", "1.0.0-beta", true)]
    [InlineData("1.0.0-beta", "semver_lt", "1.0.0", true)]
    [InlineData("1.0.0", "semver_lt", "v1.0.1", true)]
    [InlineData("1.0.0", "semver_lt", "1.0.0-rc.1", false)]
    [InlineData("1.0.1", "semver_lt", "1.0.1", false)]
    public void RuleMatchesExactlyWhenItsOperatorHoldsForTheAttribute(object attribute, string op, string values, bool holds)
    {
        var result = Evaluate(attribute, op, values);

        Assert.Null(result.Error);
        Assert.Equal(holds ? ("on", FlagReason.TargetingMatch) : ("off", FlagReason.Default), (result.Variant, result.Reason));
    }

    [Theory]
    [InlineData("10", "gt", "5")]
    [InlineData("abc", "lt", "5")]
    [InlineData(true, "gt", "0")]
    [InlineData(42, "starts_with", "4")]
    [InlineData(42, "ends_with", "2")]
    [InlineData(true, "contains", "t")]
    [InlineData("1.2", "semver_gte", "1.0.0")]
    [InlineData("latest", "semver_lt", "1.0.0")]
    [InlineData("01.0.0", "semver_gte", "1.0.0")]
    [InlineData(1, "semver_gte", "1.0.0")]
    [InlineData(false, "semver_lt", "1.0.0")]
    public void AttributeOfATypeTheOperatorCannotCompareIsATypeMismatch(object attribute, string op, string values)
    {
        var result = Evaluate(attribute, op, values);

        Assert.Equal((FlagReason.Error, FlagErrorCode.TypeMismatch, "off", "false"), (result.Reason, result.Error, result.Variant, result.ValueJson));
        Assert.Contains("'attr'", result.ErrorDetails);
        Assert.Contains($"'{op}'", result.ErrorDetails);
    }

    [Theory]
    [InlineData("in")]
    [InlineData("not_in")]
    [InlineData("equals")]
    [InlineData("contains")]
    [InlineData("gt")]
    public void ObjectOrArrayAttributeIsATypeMismatchForEveryOperator(string op)
    {
        var flag = TestFlags.WithRule(TestFlags.Rule("attr", FlagOperators.Parse(op)!.Value, "1"));

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User("user-1", ("attr", ContextValue.Other)));

        Assert.Equal(FlagErrorCode.TypeMismatch, result.Error);
    }

    [Fact]
    public void TypeMismatchDetailsNameAttributeAndOperatorButNeverTheValue()
    {
        var result = Evaluate("secret-salary-figure", "gt", "5");

        Assert.Equal("rules[0]: attribute 'attr' is a string, which operator 'gt' cannot compare.", result.ErrorDetails);
    }

    [Theory]
    [InlineData("in")]
    [InlineData("not_in")]
    [InlineData("gt")]
    [InlineData("semver_lt")]
    public void MissingOrNullAttributeNeverMatchesEvenForNotIn(string op)
    {
        var flag = TestFlags.WithRule(TestFlags.Rule("attr", FlagOperators.Parse(op)!.Value, "1.0.0"));

        var missing = FlagEvaluator.Evaluate(flag, TestFlags.User("user-1", ("other", "x")));
        var nulled = FlagEvaluator.Evaluate(flag, TestFlags.User("user-1", ("attr", ContextValue.Null)));

        Assert.Equal(("off", FlagReason.Default), (missing.Variant, missing.Reason));
        Assert.Equal(("off", FlagReason.Default), (nulled.Variant, nulled.Reason));
    }

    [Fact]
    public void AttributeTargetingKeyIsTheContextsTargetingKeyUnlessTheAttributesHaveOne()
    {
        var flag = TestFlags.WithRule(TestFlags.Rule("targetingKey", FlagOperator.EndsWith, "@example.com"));

        var fromKey = FlagEvaluator.Evaluate(flag, TestFlags.User("alice@example.com"));
        var fromAttributes = FlagEvaluator.Evaluate(flag, TestFlags.User("alice@example.com", ("targetingKey", "bob@example.org")));

        Assert.Equal("on", fromKey.Variant);
        Assert.Equal("off", fromAttributes.Variant);
    }

    [Theory]
    [InlineData("gt", "ten")]
    [InlineData("semver_gte", "1.0")]
    [InlineData("equals", "a|b")]
    public void RuleWithInvalidOperandsIsAParseError(string op, string values)
    {
        var attribute = op == "gt" ? (object)5 : "1.0.0";

        var result = Evaluate(attribute, op, values);

        Assert.Equal((FlagReason.Error, FlagErrorCode.ParseError, "off"), (result.Reason, result.Error, result.Variant));
    }

    [Fact]
    public void RuleWithoutAnAttributeIsAParseErrorRatherThanAnException()
    {
        var flag = TestFlags.WithRule(TestFlags.Rule(null!, FlagOperator.In, "x"));

        var result = FlagEvaluator.Evaluate(flag, TestFlags.User("user-1", ("x", "x")));

        Assert.Equal((FlagReason.Error, FlagErrorCode.ParseError), (result.Reason, result.Error));
    }

    private static FlagEvaluation Evaluate(object attribute, string op, string values)
    {
        var flag = TestFlags.WithRule(TestFlags.Rule("attr", FlagOperators.Parse(op)!.Value, values.Split('|')));
        return FlagEvaluator.Evaluate(flag, TestFlags.User("user-1", ("attr", ToContextValue(attribute))));
    }

    private static ContextValue ToContextValue(object value) => value switch
    {
        string text => text,
        bool flag => flag,
        int number => number,
        double number => (decimal)number,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a test attribute."),
    };
}
