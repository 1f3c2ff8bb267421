namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>
/// PostgreSQL down: the flags a silo holds keep being evaluated and read; writes answer 503 and change nothing; an
/// environment the silo never held cannot be answered (503) until the store is back.
/// </summary>
public sealed class FlagPostgresOutageTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string Context = """{"context": {"targetingKey": "u-1"}}""";

    [Fact]
    public async Task EvaluationsGoOnAndWritesAnswer503()
    {
        await fixture.Http.CreatedFlagAsync("outage", "kept", "\"enabled\": true, \"target_users\": [\"u-1\"]");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.OfrepAsync("kept", Context, "outage")).StatusCode);

        await fixture.Postgres.MakeUnreachableAsync();
        try
        {
            var single = await fixture.Http.OfrepAsync("kept", Context, "outage");
            var bulk = await fixture.Http.OfrepAsync(null, Context, "outage");
            var rest = await fixture.Http.EvaluateFlagAsync("outage", "kept", """{"targeting_key": "u-1"}""");
            var read = await fixture.Http.GetFlagAsync("outage", "kept");
            var patch = await fixture.Http.PatchFlagAsync("outage", "kept", """{"enabled": false}""");
            var create = await fixture.Http.CreateFlagAsync(FlagApi.Flag("outage", "new"));
            var unknownEnvironment = await fixture.Http.OfrepAsync("kept", Context, "never-held");

            Assert.Equal("TARGETING_MATCH", (await single.JsonAsync()).GetProperty("reason").GetString());
            Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
            Assert.True((await rest.JsonAsync()).GetProperty("value").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, patch.StatusCode);
            Assert.Equal("dependency_unavailable", (await patch.JsonAsync()).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unknownEnvironment.StatusCode);
            Assert.NotNull(unknownEnvironment.Headers.RetryAfter);
        }
        finally
        {
            await fixture.Postgres.MakeReachableAsync();
        }

        var after = await (await fixture.Http.GetFlagAsync("outage", "kept")).JsonAsync();
        Assert.Equal((1L, true), (after.GetProperty("version").GetInt64(), after.GetProperty("enabled").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetFlagAsync("outage", "new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.OfrepAsync(null, Context, "never-held")).StatusCode);
    }
}
