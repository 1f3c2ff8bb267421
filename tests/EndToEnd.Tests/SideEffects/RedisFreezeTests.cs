namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// Redis frozen with SIGSTOP while an update runs, continued afterwards still holding the old entry:
/// the next read returns the new value, through the same grain and through a fresh one.
/// </summary>
public sealed class RedisFreezeTests(RedisFreezeTests.OwnRedisFixture fixture) : IClassFixture<RedisFreezeTests.OwnRedisFixture>
{
    [Fact]
    public async Task ReadAfterAnUpdateDuringAFrozenRedisReturnsTheNewValue()
    {
        await fixture.Http.CreateAsync("freeze", "svc", "key", "old");
        await (await fixture.Http.ReadAsync("freeze", "svc", "key")).ValueAsync();

        fixture.Redis.Freeze();
        var update = await fixture.Http.UpdateAsync("freeze", "svc", "key", "new");
        fixture.Redis.Thaw();

        Assert.Equal(("new", 2L), await update.ValueAsync());
        Assert.Equal(("new", 2L), await (await fixture.Http.ReadAsync("freeze", "svc", "key")).ValueAsync());
        await fixture.RestartGatewayAsync();
        Assert.Equal(("new", 2L), await (await fixture.Http.ReadAsync("freeze", "svc", "key")).ValueAsync());
    }

    [Fact]
    public async Task StatusShowsRedisDownWhileWritesAndReadsGoOn()
    {
        await fixture.Http.CreateAsync("freeze", "svc", "down", "v1", encrypted: true);
        fixture.Redis.Stop();
        try
        {
            var status = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/v1/config/status")).RootElement;
            var update = await fixture.Http.UpdateAsync("freeze", "svc", "down", "v2");
            var read = await fixture.Http.ReadAsync("freeze", "svc", "down");

            Assert.Equal("down", status.GetProperty("redis").GetString());
            Assert.Equal(("v2", 2L), await update.ValueAsync());
            Assert.Equal(("v2", 2L), await read.ValueAsync());
        }
        finally
        {
            fixture.Redis.Restart();
        }
    }

    public sealed class OwnRedisFixture : SystemFixture
    {
        public RedisServerProcess Redis { get; } = RedisServerProcess.Start();

        public override string RedisConnection => Redis.ConnectionString;

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Redis.Dispose();
        }
    }
}
