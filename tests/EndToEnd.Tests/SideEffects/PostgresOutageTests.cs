namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>PostgreSQL down: config writes fail with 503 rather than go unaudited; reads keep working.</summary>
public sealed class PostgresOutageTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task WritesAnswer503AndChangeNothingWhileReadsKeepWorking()
    {
        await fixture.Http.CreateAsync("pgdown", "svc", "key", "before", encrypted: true);
        await fixture.Postgres.MakeUnreachableAsync();
        try
        {
            var update = await fixture.Http.UpdateAsync("pgdown", "svc", "key", "after");
            var create = await fixture.Http.CreateAsync("pgdown", "svc", "other", "value");
            var read = await fixture.Http.ReadAsync("pgdown", "svc", "key");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, update.StatusCode);
            Assert.Contains("audit log", await update.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
            Assert.Equal(("before", 1L), await read.ValueAsync());
        }
        finally
        {
            await fixture.Postgres.MakeReachableAsync();
        }

        Assert.Equal(("before", 1L), await (await fixture.Http.ReadAsync("pgdown", "svc", "key")).ValueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.ReadAsync("pgdown", "svc", "other")).StatusCode);
        Assert.Equal(("after", 2L), await (await fixture.Http.UpdateAsync("pgdown", "svc", "key", "after")).ValueAsync());
    }
}
