using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Context attributes from JSON (as OFREP sends them) and their privacy in logs.</summary>
public sealed class ContextValueTests
{
    [Theory]
    [InlineData("\"gold\"", ContextValueKind.String)]
    [InlineData("\"\"", ContextValueKind.String)]
    [InlineData("42", ContextValueKind.Number)]
    [InlineData("-1.5e2", ContextValueKind.Number)]
    [InlineData("true", ContextValueKind.Boolean)]
    [InlineData("false", ContextValueKind.Boolean)]
    [InlineData("null", ContextValueKind.Null)]
    [InlineData("{\"a\":1}", ContextValueKind.Other)]
    [InlineData("[1,2]", ContextValueKind.Other)]
    [InlineData("1e400", ContextValueKind.Other)]
    public void JsonValuesBecomeTheMatchingKind(string json, ContextValueKind kind)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(kind, ContextValue.FromJson(document.RootElement).Kind);
    }

    [Fact]
    public void JsonScalarsKeepTheirValues()
    {
        using var document = JsonDocument.Parse("""{"s":"gold","n":-150.25,"b":true}""");
        var root = document.RootElement;

        Assert.Equal(ContextValue.FromString("gold"), ContextValue.FromJson(root.GetProperty("s")));
        Assert.Equal(ContextValue.FromNumber(-150.25m), ContextValue.FromJson(root.GetProperty("n")));
        Assert.Equal(ContextValue.FromBoolean(true), ContextValue.FromJson(root.GetProperty("b")));
    }

    [Fact]
    public void NullStringIsTheNullValue() => Assert.Equal(ContextValue.Null, ContextValue.FromString(null));

    [Fact]
    public void ContextPrintsAttributeNamesButNeitherValuesNorTheTargetingKey()
    {
        var context = TestFlags.User("alice@example.com", ("email", "alice@example.com"), ("salary", 123456));

        var text = $"{context} {context.Attributes["email"]}";

        Assert.DoesNotContain("alice", text);
        Assert.DoesNotContain("123456", text);
        Assert.Contains("email", text);
        Assert.Contains("salary", text);
    }
}
