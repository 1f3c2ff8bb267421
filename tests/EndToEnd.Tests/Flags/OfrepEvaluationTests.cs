namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>
/// OFREP single evaluations as open-feature/protocol's OpenAPI document gives them: 200
/// <c>{key, value, reason, variant, metadata}</c>, 404 <c>FLAG_NOT_FOUND</c>, 400 <c>{key, errorCode, errorDetails}</c>.
/// </summary>
public sealed class OfrepEvaluationTests(SystemFixture fixture) : IClassFixture<SystemFixture>, IAsyncLifetime
{
    private HttpClient Http => fixture.Http;

    public Task InitializeAsync() => OfrepFlags.CreateAsync(Http);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ASuccessHasTheKeyValueReasonVariantAndTheFlagsVersion()
    {
        var response = await Http.OfrepAsync("on-for-all", """{"context": {"targetingKey": "u-9"}}""", OfrepFlags.Environment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"key":"on-for-all","value":true,"reason":"STATIC","variant":"on","metadata":{"version":1}}""",
            (await response.JsonAsync()).GetRawText());
    }

    [Theory]
    [InlineData("disabled", "u-1", "DISABLED", "off")]
    [InlineData("targeted", "u-1", "TARGETING_MATCH", "on")]
    [InlineData("targeted", "u-2", "DEFAULT", "off")]
    [InlineData("rollout", "u-2", "SPLIT", "on")]
    public async Task EachStepOfEvaluationHasItsReason(string key, string user, string reason, string variant)
    {
        var evaluation = await (await Http.OfrepAsync(key, $$"""{"context": {"targetingKey": "{{user}}" } }""", OfrepFlags.Environment)).JsonAsync();

        Assert.Equal((reason, variant), (evaluation.GetProperty("reason").GetString(), evaluation.GetProperty("variant").GetString()));
        Assert.Equal(variant == "on", evaluation.GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task VariantValuesKeepTheirJsonTypesAndRulesMatchOnContextAttributes()
    {
        var free = await (await Http.OfrepAsync("typed", """{"context": {"targetingKey": "u", "plan": "free"}}""", OfrepFlags.Environment)).JsonAsync();
        var pro = await (await Http.OfrepAsync("typed", """{"context": {"targetingKey": "u", "plan": "pro"}}""", OfrepFlags.Environment)).JsonAsync();

        Assert.Equal("\"s\"", free.GetProperty("value").GetRawText());
        Assert.Equal(("TARGETING_MATCH", """{"size":10}"""), (pro.GetProperty("reason").GetString(), pro.GetProperty("value").GetRawText()));
    }

    [Fact]
    public async Task AnUnknownFlagIsA404WithFlagNotFound()
    {
        var response = await Http.OfrepAsync("no-such-flag", """{"context": {"targetingKey": "u"}}""", OfrepFlags.Environment);
        var failure = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("no-such-flag", "FLAG_NOT_FOUND"), (failure.GetProperty("key").GetString(), failure.GetProperty("errorCode").GetString()));
        Assert.Contains("no-such-flag", failure.GetProperty("errorDetails").GetString());
    }

    [Theory]
    [InlineData("rollout", """{"context": {}}""", "TARGETING_KEY_MISSING")]
    [InlineData("adults", """{"context": {"targetingKey": "u", "age": "seventeen"}}""", "TYPE_MISMATCH")]
    [InlineData("adults", """{"context": 5}""", "INVALID_CONTEXT")]
    [InlineData("adults", """{"context": {"targetingKey": 42}}""", "INVALID_CONTEXT")]
    [InlineData("adults", """{"targetingKey": "u"}""", "INVALID_CONTEXT")]
    [InlineData("adults", """{"context": {"targetingKey": "u"}""", "PARSE_ERROR")]
    public async Task AnEvaluationThatCannotBeMadeIsA400WithItsErrorCode(string key, string body, string errorCode)
    {
        var response = await Http.OfrepAsync(key, body, OfrepFlags.Environment);
        var failure = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((key, errorCode), (failure.GetProperty("key").GetString(), failure.GetProperty("errorCode").GetString()));
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("errorDetails").GetString()));
        Assert.DoesNotContain("seventeen", failure.GetRawText());
    }

    [Fact]
    public async Task TheEnvironmentMayComeFromTheContextAndWithoutOneTheContextIsInvalid()
    {
        var fromContext = await Http.OfrepAsync("on-for-all", $$"""{"context": {"targetingKey": "u", "environment": "{{OfrepFlags.Environment}}" } }""");
        var none = await Http.OfrepAsync("on-for-all", """{"context": {"targetingKey": "u"}}""");

        Assert.Equal(HttpStatusCode.OK, fromContext.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("INVALID_CONTEXT", (await none.JsonAsync()).GetProperty("errorCode").GetString());
    }
}
