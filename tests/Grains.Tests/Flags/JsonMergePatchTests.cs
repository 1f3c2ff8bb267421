using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>JSON Merge Patch: every example of RFC 7396 Appendix A, and that neither input changes.</summary>
public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", "{}")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("[1,2]", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("{}", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void PatchGivesTheResultOfRfc7396AppendixA(string target, string patch, string expected) =>
        Assert.Equal(Text(JsonNode.Parse(expected)), Text(Apply(target, patch)));

    [Theory]
    [InlineData("null", """{"a":1}""", """{"a":1}""")]
    [InlineData("\"text\"", """{"a":{"b":null,"c":[null]}}""", """{"a":{"c":[null]}}""")]
    [InlineData("""{"a":1}""", "{}", """{"a":1}""")]
    [InlineData("""{"a":{"b":1,"c":2}}""", """{"a":{"b":null}}""", """{"a":{"c":2}}""")]
    public void PatchTurnsATargetIntoAnObjectAndKeepsWhatItDoesNotName(string target, string patch, string expected) =>
        Assert.Equal(Text(JsonNode.Parse(expected)), Text(Apply(target, patch)));

    [Fact]
    public void TargetIsUnchangedAfterThePatch()
    {
        var target = JsonNode.Parse("""{"a":"b","nested":{"c":1,"d":[1,2]},"gone":true}""");
        var before = Text(target);
        using var patch = JsonDocument.Parse("""{"a":"z","nested":{"c":null,"e":3},"gone":null}""");

        JsonMergePatch.Apply(target, patch.RootElement);

        Assert.Equal(before, Text(target));
    }

    [Fact]
    public void ResultSharesNothingWithTheTarget()
    {
        var target = JsonNode.Parse("""{"nested":{"c":1}}""");
        using var patch = JsonDocument.Parse("""{"other":2}""");

        var result = JsonMergePatch.Apply(target, patch.RootElement)!;
        result["nested"]!["c"] = 99;

        Assert.Equal("""{"nested":{"c":1}}""", Text(target));
    }

    [Fact]
    public void ResultOutlivesThePatchDocument()
    {
        JsonNode? result;
        using (var patch = JsonDocument.Parse("""{"a":{"b":[1,"two",{"three":3}]},"c":"d"}"""))
        {
            result = JsonMergePatch.Apply(null, patch.RootElement);
        }

        Assert.Equal("""{"a":{"b":[1,"two",{"three":3}]},"c":"d"}""", Text(result));
    }

    private static JsonNode? Apply(string target, string patch)
    {
        using var document = JsonDocument.Parse(patch);
        return JsonMergePatch.Apply(JsonNode.Parse(target), document.RootElement);
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
