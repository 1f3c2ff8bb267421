namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>A flag write the service cannot take answers a 4xx problem naming what is wrong, and changes nothing.</summary>
public sealed class FlagBadInputTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private HttpClient Http => fixture.Http;

    [Theory]
    [InlineData("""{"environment": "bad", "key": "k", "colour": "red"}""", "colour")]
    [InlineData("""{"environment": "bad", "key": "k", "rollout_percentage": 100.5}""", "rollout_percentage")]
    [InlineData("""{"environment": "bad", "key": "k", "rollout_percentage": 10.001}""", "rollout_percentage")]
    [InlineData("""{"environment": "bad", "key": "k", "enabled": "yes"}""", "enabled")]
    [InlineData("""{"environment": "bad", "key": "k", "default_variant": "missing"}""", "default_variant")]
    [InlineData("""{"environment": "bad", "key": "k", "rules": [{"attribute": "a", "operator": "like", "values": ["x"], "serve": {"variant": "on"}}]}""", "rules[0].operator")]
    [InlineData("""{"environment": "bad", "key": "k/x"}""", "key")]
    [InlineData("""{"environment": "bad"}""", "key")]
    [InlineData("""{"key": "k"}""", "environment")]
    public async Task AnInvalidCreateAnswers400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await Http.CreateFlagAsync(body);
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(0, (await (await Http.GetAsync("/api/v1/flags?environment=bad")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ABodyNamingAnotherFlagThanTheUrlAnswers400()
    {
        await Http.CreatedFlagAsync("bad-put", "mine");

        var response = await Http.ReplaceFlagAsync("bad-put", "mine", """{"key": "theirs", "enabled": false}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal(1, (await (await Http.GetFlagAsync("bad-put", "mine")).JsonAsync()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task APatchThatBreaksTheFlagAnswers400AndChangesNothing()
    {
        await Http.CreatedFlagAsync("bad-patch", "f");

        var response = await Http.PatchFlagAsync("bad-patch", "f", """{"default_variant": "missing"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("default_variant", out _));
        Assert.Equal(1, (await (await Http.GetFlagAsync("bad-patch", "f")).JsonAsync()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonOrNotSentAsJsonIsRefused()
    {
        var notJson = await Http.CreateFlagAsync("{\"environment\": ");
        var asText = await Http.PatchFlagAsync("bad", "f", """{"enabled": true}""", mediaType: "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
    }

    [Fact]
    public async Task AMalformedIfMatchOrEnvironmentAnswers400()
    {
        var ifMatch = await Http.ReplaceFlagAsync("bad", "f", "{}", ifMatch: "\"v-one\"");
        var environment = await Http.GetAsync("/api/v1/flags/f?environment=no%20spaces");
        var missing = await Http.GetAsync("/api/v1/flags/f");

        Assert.Equal(HttpStatusCode.BadRequest, ifMatch.StatusCode);
        Assert.True((await ifMatch.JsonAsync()).GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(HttpStatusCode.BadRequest, environment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
