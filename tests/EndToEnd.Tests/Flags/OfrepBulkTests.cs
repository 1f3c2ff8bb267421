namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>OFREP bulk evaluation: every flag of the environment, an ETag for the flags and context, 304 while both are unchanged.</summary>
public sealed class OfrepBulkTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string Context = """{"context": {"targetingKey": "u-1", "plan": "pro"}}""";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task EveryFlagIsEvaluatedInKeyOrderWithFailuresAsItems()
    {
        await OfrepFlags.CreateAsync(Http, "bulk-items");

        var response = await Http.OfrepAsync(null, """{"context": {"plan": "pro"}}""", "bulk-items");
        var flags = (await response.JsonAsync()).GetProperty("flags").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfrepFlags.All.Select(f => f.Key).Order(StringComparer.Ordinal), flags.Select(f => f.GetProperty("key").GetString()));
        var rollout = flags.Single(f => f.GetProperty("key").GetString() == "rollout");
        Assert.Equal("TARGETING_KEY_MISSING", rollout.GetProperty("errorCode").GetString());
        Assert.False(rollout.TryGetProperty("value", out _));
        var typed = flags.Single(f => f.GetProperty("key").GetString() == "typed");
        Assert.Equal(("TARGETING_MATCH", "large"), (typed.GetProperty("reason").GetString(), typed.GetProperty("variant").GetString()));
    }

    [Fact]
    public async Task AnUnchangedAnswerIs304AndAChangedFlagOrContextGetsANewETag()
    {
        await OfrepFlags.CreateAsync(Http, "bulk-etag");
        var first = await Http.OfrepAsync(null, Context, "bulk-etag");
        var etag = first.Headers.ETag!.Tag;

        var unchanged = await Http.OfrepAsync(null, Context, "bulk-etag", ifNoneMatch: etag);
        var otherContext = await Http.OfrepAsync(null, """{"context": {"targetingKey": "u-2"}}""", "bulk-etag", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, (await Http.PatchFlagAsync("bulk-etag", "targeted", """{"enabled": false}""")).StatusCode);
        var afterChange = await Http.OfrepAsync(null, Context, "bulk-etag", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, otherContext.StatusCode);
        Assert.NotEqual(etag, otherContext.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, afterChange.StatusCode);
        Assert.NotEqual(etag, afterChange.Headers.ETag!.Tag);
        var targeted = (await afterChange.JsonAsync()).GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "targeted");
        Assert.Equal("DISABLED", targeted.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ABodyThatCannotBeReadIsA400WithOnlyAnErrorCode()
    {
        var response = await Http.OfrepAsync(null, "[1, 2", "bulk-etag");
        var failure = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PARSE_ERROR", failure.GetProperty("errorCode").GetString());
        Assert.False(failure.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task AnEnvironmentWithoutFlagsAnswersAnEmptyList()
    {
        var response = await Http.OfrepAsync(null, Context, "bulk-empty");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("flags").GetArrayLength());
    }
}
