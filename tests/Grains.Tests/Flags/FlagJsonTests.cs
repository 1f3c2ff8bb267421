using System.Text;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Writing a flag: the exact API shape, the storage shape without identity and times, and reading storage back.</summary>
public sealed class FlagJsonTests
{
    /// <summary>The API JSON of <see cref="TestFlags.FullyPopulated"/>, broken into lines here only for reading.</summary>
    private static readonly string FullApiJson = """
        {"key":"new-checkout","environment":"prod","description":"Checkout v2","enabled":true,
        "rollout_percentage":25.5,"rollout_variant":"green","target_users":["u1","u2"],"target_variant":"red","excluded_users":["u3"],
        "rules":[{"attribute":"country","operator":"in","values":["NL","BE"],"serve":{"variant":"red"}},
        {"attribute":"plan","operator":"equals","values":["pro"],"serve":{"split":[{"variant":"red","weight":30},{"variant":"green","weight":70}]}},
        {"attribute":"app_version","operator":"semver_gte","values":["2.0.0"],"serve":{"variant":"blue"}}],
        "variants":{"red":"red","green":{"hex":"#0f0","rgb":[0,255,0]},"blue":42,"off":null},"default_variant":"off",
        "tags":["checkout","q3"],"version":3,"created_at":"2026-12-07T10:00:00Z","updated_at":"2026-12-07T11:30:00Z"}
        """.ReplaceLineEndings("");

    [Fact]
    public void ApiShapeHasEveryFieldInItsOrderWithTimesInUtcAndDecimalsWithoutTrailingZeros() =>
        Assert.Equal(FullApiJson, Encoding.UTF8.GetString(FlagJson.ToApiUtf8(TestFlags.FullyPopulated())));

    [Fact]
    public void WriteApiWritesTheSameBytesAsToApiUtf8()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            FlagJson.WriteApi(writer, TestFlags.FullyPopulated());
        }

        Assert.Equal(FlagJson.ToApiUtf8(TestFlags.FullyPopulated()), stream.ToArray());
    }

    [Fact]
    public void NewFlagIsWrittenAsABooleanFlagThatIsOff() => Assert.Equal(
        """
        {"description":"","enabled":false,"rollout_percentage":0,"rollout_variant":"on","target_users":[],"target_variant":"on",
        "excluded_users":[],"rules":[],"variants":{"on":true,"off":false},"default_variant":"off","tags":[]}
        """.ReplaceLineEndings(""),
        FlagJson.ToStorageJson(new FlagDefinition()));

    [Fact]
    public void StorageJsonIsTheApiShapeWithoutIdentityVersionAndTimes()
    {
        using var storage = JsonDocument.Parse(FlagJson.ToStorageJson(TestFlags.FullyPopulated()));
        using var api = JsonDocument.Parse(FullApiJson);

        string[] apiOnly = ["key", "environment", "version", "created_at", "updated_at"];
        Assert.Equal(
            api.RootElement.EnumerateObject().Select(p => p.Name).Except(apiOnly),
            storage.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void StorageJsonReadsBackToTheSameDefinitionWithIdentityAndTimesFromTheRow()
    {
        var flag = TestFlags.FullyPopulated();

        var read = FlagJson.FromStorageJson("prod", "new-checkout", FlagJson.ToStorageJson(flag), 3, flag.CreatedAt, flag.UpdatedAt);

        FlagAssert.Same(flag, read);
    }

    [Fact]
    public void StoredNewFlagReadsBackWithTheBooleanVariants()
    {
        var read = FlagJson.FromStorageJson("dev", "dark-mode", FlagJson.ToStorageJson(new FlagDefinition()), 1, default, default);

        FlagAssert.Same(new FlagDefinition { Environment = "dev", Key = "dark-mode", Version = 1 }, read);
    }

    [Fact]
    public void DefinitionsThatDifferOnlyInDecimalScaleAndVariantWhitespaceHaveTheSameStorageJson()
    {
        var flag = TestFlags.FullyPopulated();
        var spelledDifferently = flag with
        {
            RolloutPercentage = 25.5000m,
            Variants = [new("red", " \"red\" "), new("green", "{ \"hex\" : \"#0f0\",\n \"rgb\": [0, 255, 0] }"), new("blue", "42"), new("off", "null")],
        };

        Assert.Equal(FlagJson.ToStorageJson(flag), FlagJson.ToStorageJson(spelledDifferently));
    }

    [Fact]
    public void DefinitionsThatDifferInVariantOrderHaveDifferentStorageJson()
    {
        var flag = TestFlags.FullyPopulated();

        Assert.NotEqual(FlagJson.ToStorageJson(flag), FlagJson.ToStorageJson(flag with { Variants = [.. flag.Variants.Reverse()] }));
    }

    [Theory]
    [InlineData("{\"description\":")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"enabled\":\"yes\"}")]
    [InlineData("{\"colour\":\"red\"}")]
    public void CorruptStorageJsonThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => FlagJson.FromStorageJson("prod", "new-checkout", json, 1, default, default));
}
