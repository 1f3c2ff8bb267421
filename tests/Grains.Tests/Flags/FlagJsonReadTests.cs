using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Reading a request body onto a flag: round trips, absent and null fields, and each field's JSON type.</summary>
public sealed class FlagJsonReadTests
{
    private static readonly Dictionary<string, Func<FlagDefinition, FlagDefinition>> Resets = new()
    {
        ["key"] = f => f with { Key = "" },
        ["environment"] = f => f with { Environment = "" },
        ["description"] = f => f with { Description = "" },
        ["enabled"] = f => f with { Enabled = false },
        ["rollout_percentage"] = f => f with { RolloutPercentage = 0 },
        ["rollout_variant"] = f => f with { RolloutVariant = "on" },
        ["target_users"] = f => f with { TargetUsers = [] },
        ["target_variant"] = f => f with { TargetVariant = "on" },
        ["excluded_users"] = f => f with { ExcludedUsers = [] },
        ["rules"] = f => f with { Rules = [] },
        ["variants"] = f => f with { Variants = FlagDefinition.BooleanVariants },
        ["default_variant"] = f => f with { DefaultVariant = "off" },
        ["tags"] = f => f with { Tags = [] },
    };

    public static TheoryData<string> ResettableFields => [.. Resets.Keys];

    [Fact]
    public void ApiShapeOfAFlagReadsBackToTheSameDefinition()
    {
        var flag = TestFlags.FullyPopulated();
        using var body = JsonDocument.Parse(FlagJson.ToApiUtf8(flag));

        var result = FlagJson.Read(body.RootElement, new FlagDefinition());

        Assert.Empty(result.Problems);
        FlagAssert.Same(flag with { Version = 0, CreatedAt = default, UpdatedAt = default }, result.Flag!);
    }

    [Fact]
    public void ApiShapeOfAValidFlagReadsBackValid()
    {
        using var body = JsonDocument.Parse(FlagJson.ToApiUtf8(TestFlags.FullyPopulated()));

        Assert.Empty(FlagDefinitionValidator.Validate(FlagJson.Read(body.RootElement, new FlagDefinition()).Flag!));
    }

    [Fact]
    public void VersionAndTimesInTheBodyAreIgnored()
    {
        var basis = TestFlags.FullyPopulated();

        var read = ReadFlag("""{"version":99,"created_at":"1999-01-01T00:00:00Z","updated_at":null}""", basis);

        FlagAssert.Same(basis, read);
    }

    [Fact]
    public void FieldsAbsentFromTheBodyKeepTheValuesOfTheBasis()
    {
        var basis = TestFlags.FullyPopulated();

        var read = ReadFlag("""{"description":"Checkout v3","target_users":["u9"]}""", basis);

        FlagAssert.Same(basis with { Description = "Checkout v3", TargetUsers = ["u9"] }, read);
    }

    [Fact]
    public void KeyAndEnvironmentOfTheBodyAreTakenForTheCallerToCheck()
    {
        var read = ReadFlag("""{"key":"other","environment":"dev"}""", TestFlags.FullyPopulated());

        Assert.Equal(("dev", "other"), (read.Environment, read.Key));
    }

    [Theory]
    [MemberData(nameof(ResettableFields))]
    public void FieldSentAsNullTakesTheDefaultOfANewFlag(string field)
    {
        var basis = TestFlags.FullyPopulated();

        var read = ReadFlag($$"""{"{{field}}":null}""", basis);

        FlagAssert.Same(Resets[field](basis), read);
    }

    [Theory]
    [InlineData("""{"key":5}""", "key")]
    [InlineData("""{"environment":false}""", "environment")]
    [InlineData("""{"description":1}""", "description")]
    [InlineData("""{"enabled":"true"}""", "enabled")]
    [InlineData("""{"enabled":1}""", "enabled")]
    [InlineData("""{"rollout_percentage":"25"}""", "rollout_percentage")]
    [InlineData("""{"rollout_percentage":1e400}""", "rollout_percentage")]
    [InlineData("""{"rollout_percentage":-1e29}""", "rollout_percentage")]
    [InlineData("""{"rollout_variant":true}""", "rollout_variant")]
    [InlineData("""{"target_variant":[]}""", "target_variant")]
    [InlineData("""{"default_variant":{}}""", "default_variant")]
    [InlineData("""{"target_users":"u1"}""", "target_users")]
    [InlineData("""{"target_users":["u1","u2",3]}""", "target_users[2]")]
    [InlineData("""{"excluded_users":[null]}""", "excluded_users[0]")]
    [InlineData("""{"tags":{"team":"checkout"}}""", "tags")]
    [InlineData("""{"rules":{}}""", "rules")]
    [InlineData("""{"rules":["country in NL"]}""", "rules[0]")]
    [InlineData("""{"variants":[]}""", "variants")]
    [InlineData("""{"variants":"on"}""", "variants")]
    public void FieldOfTheWrongJsonTypeIsAProblemOfThatFieldAlone(string body, string field)
    {
        var result = Read(body, TestFlags.FullyPopulated());

        Assert.Null(result.Flag);
        Assert.Equal([field], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void UnknownFieldIsAProblemThatListsTheAllowedFields()
    {
        var result = Read("""{"enabled":true,"colour":"red"}""", new FlagDefinition());

        var problem = Assert.Single(result.Problems);
        Assert.Equal("colour", problem.Field);
        Assert.StartsWith("Unknown field 'colour'.", problem.Message);
        Assert.Contains("rollout_percentage", problem.Message);
        Assert.Null(result.Flag);
    }

    [Fact]
    public void FieldSentTwiceIsAProblem() =>
        Assert.Equal(["enabled"], Read("""{"enabled":true,"enabled":false}""", new FlagDefinition()).Problems.Select(p => p.Field));

    [Fact]
    public void EveryProblemOfABodyIsReportedNotJustTheFirst()
    {
        var result = Read("""{"tags":1,"enabled":"no","colour":"red","variants":[]}""", new FlagDefinition());

        Assert.Equal(["colour", "enabled", "tags", "variants"], result.Problems.Select(p => p.Field).Order());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"enabled":true}]""")]
    [InlineData("\"flag\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void BodyThatIsNotAnObjectIsOneProblem(string body) =>
        Assert.Equal(["body"], Read(body, new FlagDefinition()).Problems.Select(p => p.Field));

    [Theory]
    [InlineData("""{"description":"\uD800"}""")]
    [InlineData("""{"variants":{"on":{"\uDC00":1},"off":false}}""")]
    [InlineData("""{"rules":[{"attribute":"a","operator":"in","values":["x\uDBFF"],"serve":{"variant":"on"}}]}""")]
    public void HalfASurrogatePairIsAProblemOfTheBodyAndNotAnException(string body) =>
        Assert.Equal(["body"], Read(body, new FlagDefinition()).Problems.Select(p => p.Field));

    internal static FlagReadResult Read(string body, FlagDefinition basis)
    {
        using var document = JsonDocument.Parse(body);
        return FlagJson.Read(document.RootElement, basis);
    }

    internal static FlagDefinition ReadFlag(string body, FlagDefinition basis)
    {
        var result = Read(body, basis);
        Assert.Empty(result.Problems);
        return result.Flag!;
    }
}
