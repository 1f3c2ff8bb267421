using ConfigCluster.Grains.Interfaces.Flags;
using static ConfigCluster.Grains.Tests.Flags.FlagJsonReadTests;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Reading the rules of a body: exactly four fields, a known operator, operands as text, one kind of serve.</summary>
public sealed class FlagJsonRuleReadTests
{
    private const string ValidRule = """{"attribute":"country","operator":"in","values":["NL"],"serve":{"variant":"on"}}""";

    [Fact]
    public void RuleReadsIntoItsAttributeOperatorValuesAndServe()
    {
        var rule = Assert.Single(ReadFlag(OneRule(ValidRule), new FlagDefinition()).Rules);

        Assert.Equal(("country", FlagOperator.In, "on", null), (rule.Attribute, rule.Operator, rule.Serve.Variant, rule.Serve.Split));
        Assert.Equal(["NL"], rule.Values);
    }

    [Fact]
    public void NumbersAndBooleansAmongTheValuesBecomeTheirJsonText()
    {
        var body = OneRule("""{"attribute":"age","operator":"in","values":["NL",42,1.50,-1e3,true,false],"serve":{"variant":"on"}}""");

        var rule = Assert.Single(ReadFlag(body, new FlagDefinition()).Rules);

        Assert.Equal(["NL", "42", "1.50", "-1e3", "true", "false"], rule.Values);
    }

    [Fact]
    public void NumberTooLargeForADecimalIsKeptAsTextForTheValidatorToJudge()
    {
        var rule = Assert.Single(ReadFlag(OneRule("""{"attribute":"a","operator":"gt","values":[1e400],"serve":{"variant":"on"}}"""), new FlagDefinition()).Rules);

        Assert.Equal(["1e400"], rule.Values);
    }

    [Fact]
    public void SplitKeepsTheOrderOfItsVariantsAndTheirWeights()
    {
        var body = OneRule("""{"attribute":"plan","operator":"equals","values":["pro"],"serve":{"split":[{"variant":"on","weight":12.5},{"variant":"off","weight":87.50}]}}""");

        var rule = Assert.Single(ReadFlag(body, new FlagDefinition()).Rules);

        Assert.Null(rule.Serve.Variant);
        Assert.Equal([new VariantWeight("on", 12.5m), new VariantWeight("off", 87.5m)], rule.Serve.Split!);
    }

    [Fact]
    public void EveryOperatorIsReadByItsName()
    {
        foreach (var op in Enum.GetValues<FlagOperator>())
        {
            var body = OneRule($$$"""{"attribute":"a","operator":"{{{FlagOperators.Name(op)}}}","values":["1.0.0"],"serve":{"variant":"on"}}""");

            Assert.Equal(op, Assert.Single(ReadFlag(body, new FlagDefinition()).Rules).Operator);
        }
    }

    [Fact]
    public void UnknownOperatorIsAProblemThatNamesTheKnownOperators()
    {
        var result = Read(AfterValidRule("""{"attribute":"a","operator":"IN","values":["x"],"serve":{"variant":"on"}}"""), new FlagDefinition());

        var problem = Assert.Single(result.Problems);
        Assert.Equal("rules[1].operator", problem.Field);
        Assert.Contains("in, not_in, equals, starts_with, ends_with, contains, gt, lt, semver_gte, semver_lt", problem.Message);
    }

    [Theory]
    [InlineData("""{"attribute":1,"operator":"in","values":["x"],"serve":{"variant":"on"}}""", "rules[1].attribute")]
    [InlineData("""{"attribute":"a","operator":7,"values":["x"],"serve":{"variant":"on"}}""", "rules[1].operator")]
    [InlineData("""{"attribute":"a","operator":"in","values":"x","serve":{"variant":"on"}}""", "rules[1].values")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x",null],"serve":{"variant":"on"}}""", "rules[1].values[1]")]
    [InlineData("""{"attribute":"a","operator":"in","values":[["x"]],"serve":{"variant":"on"}}""", "rules[1].values[0]")]
    [InlineData("""{"attribute":"a","operator":"in","values":[{}],"serve":{"variant":"on"}}""", "rules[1].values[0]")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":"on"}""", "rules[1].serve")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"variant":true}}""", "rules[1].serve.variant")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":{"on":100}}}""", "rules[1].serve.split")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[["on",100]]}}""", "rules[1].serve.split[0]")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on"}]}}""", "rules[1].serve.split[0]")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on","weight":100,"colour":"red"}]}}""", "rules[1].serve.split[0].colour")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on","weight":"100"}]}}""", "rules[1].serve.split[0].weight")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on","weight":50},{"variant":"off","weight":1e400}]}}""", "rules[1].serve.split[1].weight")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on","weight":50},{"variant":"on","weight":50}]}}""", "rules[1].serve.split[1]")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"variant":"on","split":[{"variant":"on","weight":100}]}}""", "rules[1].serve")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{}}""", "rules[1].serve")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"variant":null,"split":null}}""", "rules[1].serve")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"variant":"on","weight":1}}""", "rules[1].serve.weight")]
    [InlineData("""{"attribute":"a","operator":"in","values":["x"],"serve":{"variant":"on"},"priority":1}""", "rules[1].priority")]
    [InlineData("""{"attribute":"a","attribute":"b","operator":"in","values":["x"],"serve":{"variant":"on"}}""", "rules[1].attribute")]
    [InlineData("""{"attribute":null,"operator":"in","values":["x"],"serve":{"variant":"on"}}""", "rules[1].attribute")]
    public void BrokenRuleIsAProblemOfItsFieldAlone(string rule, string field)
    {
        var result = Read(AfterValidRule(rule), new FlagDefinition());

        Assert.Null(result.Flag);
        Assert.Equal([field], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void RuleWithoutFieldsIsAProblemForEachRequiredField()
    {
        var result = Read(AfterValidRule("{}"), new FlagDefinition());

        Assert.Equal(["rules[1].attribute", "rules[1].operator", "rules[1].values", "rules[1].serve"], result.Problems.Select(p => p.Field));
        Assert.All(result.Problems, p => Assert.EndsWith("is required.", p.Message));
    }

    private static string OneRule(string rule) => $$"""{"rules":[{{rule}}]}""";

    /// <summary>A body whose rules are a valid one and then <paramref name="rule"/>, so problems are of <c>rules[1]</c>.</summary>
    private static string AfterValidRule(string rule) => $$"""{"rules":[{{ValidRule}},{{rule}}]}""";
}
