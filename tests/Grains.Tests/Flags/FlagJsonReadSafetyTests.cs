using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigCluster.Grains.Interfaces.Flags;
using static ConfigCluster.Grains.Tests.Flags.FlagJsonReadTests;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Whatever JSON arrives, reading it never throws, and its problems never repeat a value that was sent.</summary>
public sealed class FlagJsonReadSafetyTests
{
    private const string Canary = "canary-secret-4711";

    [Theory]
    [InlineData("""{"enabled":"canary-secret-4711"}""")]
    [InlineData("""{"rollout_percentage":"canary-secret-4711"}""")]
    [InlineData("""{"description":["canary-secret-4711"]}""")]
    [InlineData("""{"target_users":"canary-secret-4711"}""")]
    [InlineData("""{"excluded_users":["ok",{"user":"canary-secret-4711"}]}""")]
    [InlineData("""{"tags":[["canary-secret-4711"]]}""")]
    [InlineData("""{"variants":"canary-secret-4711"}""")]
    [InlineData("""{"variants":["canary-secret-4711"]}""")]
    [InlineData("""{"rules":"canary-secret-4711"}""")]
    [InlineData("""{"rules":["canary-secret-4711"]}""")]
    [InlineData("""{"rules":[{"attribute":["canary-secret-4711"],"operator":"canary-secret-4711","values":"canary-secret-4711","serve":"canary-secret-4711"}]}""")]
    [InlineData("""{"rules":[{"attribute":"a","operator":"in","values":[{"v":"canary-secret-4711"}],"serve":{"variant":["canary-secret-4711"]}}]}""")]
    [InlineData("""{"rules":[{"attribute":"a","operator":"in","values":["x"],"serve":{"split":[{"variant":"on","weight":"canary-secret-4711"}]}}]}""")]
    [InlineData("""{"rules":[{"attribute":"a","operator":"in","values":["x"],"serve":{"split":"canary-secret-4711"}}]}""")]
    [InlineData("\"canary-secret-4711\"")]
    [InlineData("""["canary-secret-4711"]""")]
    public void ProblemsNeverRepeatAValueThatWasSent(string body)
    {
        var result = Read(body, new FlagDefinition());

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.DoesNotContain(Canary, p.Field + p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ApiShapeWithAnyPartReplacedByRandomJsonReadsWithoutThrowingOrRepeatingAValue()
    {
        var random = new Random(4711);
        for (var i = 0; i < 2_000; i++)
        {
            var body = JsonNode.Parse(FlagJson.ToApiUtf8(TestFlags.FullyPopulated()))!;
            ReplaceRandomPart(body, RandomJson(random, depth: 3), random);
            using var document = JsonDocument.Parse(body.ToJsonString());

            var result = FlagJson.Read(document.RootElement, TestFlags.FullyPopulated());

            Assert.True(result.Flag is null != (result.Problems.Count == 0), body.ToJsonString());
            Assert.All(result.Problems, p => Assert.DoesNotContain(Canary, p.Field + p.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RandomJsonReadsWithoutThrowingOrRepeatingAValue()
    {
        var random = new Random(1174);
        for (var i = 0; i < 2_000; i++)
        {
            var json = RandomJson(random, depth: 5)?.ToJsonString() ?? "null";
            using var document = JsonDocument.Parse(json);

            var result = FlagJson.Read(document.RootElement, new FlagDefinition());

            Assert.True(result.Flag is null != (result.Problems.Count == 0), json);
            Assert.All(result.Problems, p => Assert.DoesNotContain(Canary, p.Field + p.Message, StringComparison.Ordinal));
        }
    }

    private static void ReplaceRandomPart(JsonNode root, JsonNode? replacement, Random random)
    {
        var parts = Descendants(root).ToList();
        var part = parts[random.Next(parts.Count)];
        switch (part.Parent)
        {
            case JsonObject parent:
                parent[part.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[part.GetElementIndex()] = replacement;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static JsonNode? RandomJson(Random random, int depth) => random.Next(depth > 0 ? 10 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-1000, 1000) / 7m),
        3 => JsonNode.Parse(random.Next(2) == 0 ? "1e400" : "-79228162514264337593543950336"),
        4 => JsonValue.Create(Canary),
        5 => JsonValue.Create(random.Next(2) == 0 ? "in" : "on"),
        6 => JsonValue.Create(""),
        7 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth - 1))]),
        _ => RandomObject(random, depth),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        string[] names = ["enabled", "rules", "variants", "serve", "split", "variant", "values", "attribute", "operator", "x", "on"];
        var result = new JsonObject();
        for (var i = random.Next(5); i > 0; i--)
        {
            result[names[random.Next(names.Length)]] = RandomJson(random, depth - 1);
        }

        return result;
    }
}
