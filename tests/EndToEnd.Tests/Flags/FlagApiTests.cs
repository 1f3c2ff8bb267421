namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>The flag API's reads and writes: versions, ETags, conditional writes and merge patches.</summary>
public sealed class FlagApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task ACreatedFlagIsAnsweredWithItsDefaultsVersionETagAndLocation()
    {
        var response = await Http.CreateFlagAsync("""{"environment": "api", "key": "created", "description": "new checkout"}""");
        var flag = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("/api/v1/flags/created?environment=api", response.Headers.Location!.OriginalString);
        Assert.Equal(1, flag.GetProperty("version").GetInt64());
        Assert.False(flag.GetProperty("enabled").GetBoolean());
        Assert.Equal(0m, flag.GetProperty("rollout_percentage").GetDecimal());
        Assert.Equal("""{"on":true,"off":false}""", flag.GetProperty("variants").GetRawText());
        Assert.Equal("off", flag.GetProperty("default_variant").GetString());
        Assert.Equal(flag.GetProperty("created_at").GetString(), flag.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task AFlagReadsBackAsItWasWrittenWithItsVariantsInOrder()
    {
        var created = await Http.CreatedFlagAsync("api", "read-back", """
            "enabled": true, "variants": {"zeta": {"color": "red"}, "alpha": [1, 2]}, "default_variant": "zeta", "tags": ["ui"],
            "rules": [{"attribute": "plan", "operator": "in", "values": ["pro"], "serve": {"variant": "alpha"}}]
            """);

        var read = await Http.GetFlagAsync("api", "read-back");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal(created.GetRawText(), (await read.JsonAsync()).GetRawText());
        Assert.Equal(["zeta", "alpha"], created.GetProperty("variants").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task APutReplacesTheWholeDefinitionAndRaisesTheVersion()
    {
        await Http.CreatedFlagAsync("api", "replaced", "\"enabled\": true, \"tags\": [\"a\"], \"description\": \"first\"");

        var response = await Http.ReplaceFlagAsync("api", "replaced", """{"rollout_percentage": 12.5}""");
        var flag = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        Assert.Equal((2L, false, 12.5m, ""), (flag.GetProperty("version").GetInt64(), flag.GetProperty("enabled").GetBoolean(),
            flag.GetProperty("rollout_percentage").GetDecimal(), flag.GetProperty("description").GetString()));
        Assert.Equal(0, flag.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task AMergePatchChangesOnlyTheFieldsItNamesAndNullResetsOne()
    {
        await Http.CreatedFlagAsync("api", "patched", "\"enabled\": true, \"tags\": [\"a\"], \"description\": \"kept\", \"target_users\": [\"u1\"]");

        var response = await Http.PatchFlagAsync("api", "patched", """{"enabled": false, "target_users": null}""", ifMatch: "\"1\"");
        var flag = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2L, false, "kept", 0, "a"), (flag.GetProperty("version").GetInt64(), flag.GetProperty("enabled").GetBoolean(),
            flag.GetProperty("description").GetString(), flag.GetProperty("target_users").GetArrayLength(), flag.GetProperty("tags")[0].GetString()));
    }

    [Fact]
    public async Task AWriteConditionalOnAStaleVersionAnswers412AndChangesNothing()
    {
        await Http.CreatedFlagAsync("api", "stale");
        await Http.PatchFlagAsync("api", "stale", """{"description": "v2"}""");

        var put = await Http.ReplaceFlagAsync("api", "stale", """{"description": "lost update"}""", ifMatch: "\"1\"");
        var patch = await Http.PatchFlagAsync("api", "stale", """{"description": "lost update"}""", ifMatch: "1");
        var weak = await Http.PatchFlagAsync("api", "stale", """{"description": "lost update"}""", ifMatch: "W/\"2\"");
        var delete = await Http.DeleteFlagAsync("api", "stale", ifMatch: "\"1\"");

        Assert.All([put, patch, weak, delete], r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal("precondition_failed", (await put.JsonAsync()).GetProperty("code").GetString());
        var flag = await (await Http.GetFlagAsync("api", "stale")).JsonAsync();
        Assert.Equal(("v2", 2L), (flag.GetProperty("description").GetString(), flag.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task AWriteRetriedAfterItWasAppliedAnswersTheFlagWithoutChangingIt()
    {
        var body = AddRolloutOf("retried");
        await Http.CreateFlagAsync(body);

        var createAgain = await Http.CreateFlagAsync(body);
        var patch = await Http.PatchFlagAsync("api", "retried", """{"rollout_percentage": 30}""", ifMatch: "\"1\"");
        var patchAgain = await Http.PatchFlagAsync("api", "retried", """{"rollout_percentage": 30}""", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, createAgain.StatusCode);
        Assert.Equal(1, (await createAgain.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patchAgain.StatusCode);
        Assert.Equal("\"2\"", patchAgain.Headers.ETag!.Tag);
        Assert.Equal(2, (await patchAgain.JsonAsync()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ACreateOfAnExistingFlagWithAnotherDefinitionAnswers409()
    {
        await Http.CreatedFlagAsync("api", "exists");

        var response = await Http.CreateFlagAsync(FlagApi.Flag("api", "exists", "\"enabled\": false"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("already_exists", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.True((await (await Http.GetFlagAsync("api", "exists")).JsonAsync()).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task ADeletedFlagIsGoneAndADeleteOfAMissingOneAnswers404()
    {
        await Http.CreatedFlagAsync("api", "deleted");

        var delete = await Http.DeleteFlagAsync("api", "deleted", ifMatch: "\"1\"");
        var again = await Http.DeleteFlagAsync("api", "deleted");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetFlagAsync("api", "deleted")).StatusCode);
    }

    [Fact]
    public async Task TheListPagesAnEnvironmentsFlagsByKeyAndFiltersByTag()
    {
        foreach (var key in new[] { "c", "a", "b", "d" })
        {
            await Http.CreatedFlagAsync("listing", key, key is "a" or "d" ? "\"tags\": [\"beta\"]" : "\"tags\": []");
        }

        await Http.CreatedFlagAsync("listing-other", "x");

        var page = await (await Http.GetAsync("/api/v1/flags?environment=listing&limit=2&offset=1")).JsonAsync();
        var tagged = await (await Http.GetAsync("/api/v1/flags?environment=listing&tag=beta")).JsonAsync();

        Assert.Equal(["b", "c"], page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal((4, 2, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32()));
        Assert.Equal(["a", "d"], tagged.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
    }

    private static string AddRolloutOf(string key) => FlagApi.Flag("api", key, "\"enabled\": true, \"rollout_percentage\": 10");
}
