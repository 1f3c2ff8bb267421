using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>The wire names of operators, reasons and error codes, and their way back.</summary>
public sealed class FlagNamesTests
{
    [Theory]
    [InlineData(FlagOperator.In, "in")]
    [InlineData(FlagOperator.NotIn, "not_in")]
    [InlineData(FlagOperator.Equals, "equals")]
    [InlineData(FlagOperator.StartsWith, "starts_with")]
    [InlineData(FlagOperator.EndsWith, "ends_with")]
    [InlineData(FlagOperator.Contains, "contains")]
    [InlineData(FlagOperator.Gt, "gt")]
    [InlineData(FlagOperator.Lt, "lt")]
    [InlineData(FlagOperator.SemverGte, "semver_gte")]
    [InlineData(FlagOperator.SemverLt, "semver_lt")]
    public void OperatorHasItsSnakeCaseNameBothWays(FlagOperator op, string name)
    {
        Assert.Equal(name, FlagOperators.Name(op));
        Assert.Equal(op, FlagOperators.Parse(name));
    }

    [Theory]
    [InlineData(FlagReason.Static, "STATIC")]
    [InlineData(FlagReason.TargetingMatch, "TARGETING_MATCH")]
    [InlineData(FlagReason.Split, "SPLIT")]
    [InlineData(FlagReason.Disabled, "DISABLED")]
    [InlineData(FlagReason.Default, "DEFAULT")]
    [InlineData(FlagReason.Error, "ERROR")]
    public void ReasonHasItsOpenFeatureNameBothWays(FlagReason reason, string name)
    {
        Assert.Equal(name, FlagReasons.Name(reason));
        Assert.Equal(reason, FlagReasons.Parse(name));
    }

    [Theory]
    [InlineData(FlagErrorCode.FlagNotFound, "FLAG_NOT_FOUND")]
    [InlineData(FlagErrorCode.TargetingKeyMissing, "TARGETING_KEY_MISSING")]
    [InlineData(FlagErrorCode.InvalidContext, "INVALID_CONTEXT")]
    [InlineData(FlagErrorCode.ParseError, "PARSE_ERROR")]
    [InlineData(FlagErrorCode.TypeMismatch, "TYPE_MISMATCH")]
    [InlineData(FlagErrorCode.General, "GENERAL")]
    public void ErrorCodeHasItsOpenFeatureNameBothWays(FlagErrorCode code, string name)
    {
        Assert.Equal(name, FlagErrorCodes.Name(code));
        Assert.Equal(code, FlagErrorCodes.Parse(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("IN")]
    [InlineData("notIn")]
    [InlineData("static")]
    [InlineData("semver-gte")]
    public void UnknownOrDifferentlyCasedNamesParseToNothing(string? name)
    {
        Assert.Null(FlagOperators.Parse(name));
        Assert.Null(FlagReasons.Parse(name));
        Assert.Null(FlagErrorCodes.Parse(name));
    }

    [Fact]
    public void EveryEnumValueHasAName()
    {
        Assert.All(Enum.GetValues<FlagOperator>(), op => Assert.Equal(op, FlagOperators.Parse(FlagOperators.Name(op))));
        Assert.All(Enum.GetValues<FlagReason>(), r => Assert.Equal(r, FlagReasons.Parse(FlagReasons.Name(r))));
        Assert.All(Enum.GetValues<FlagErrorCode>(), c => Assert.Equal(c, FlagErrorCodes.Parse(FlagErrorCodes.Name(c))));
    }
}
