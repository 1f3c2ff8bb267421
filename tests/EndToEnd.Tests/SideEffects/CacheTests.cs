namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>Plain values are served from cache (Redis or the grain) and are never stale after an update.</summary>
public sealed class CacheTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task PlainValueIsServedFromCacheWhileVaultIsStoppedEvenAfterAGatewayRestart()
    {
        var http = fixture.Http;
        await http.CreateAsync("cache", "svc", "plain", "v1");
        await fixture.RestartGatewayAsync();
        await (await fixture.Http.ReadAsync("cache", "svc", "plain")).ValueAsync();
        await fixture.RestartGatewayAsync();
        await fixture.Vault.StopAsync();
        try
        {
            var read = await fixture.Http.ReadAsync("cache", "svc", "plain");

            Assert.Equal(("v1", 1L), await read.ValueAsync());
        }
        finally
        {
            await fixture.RestartVaultAsync();
        }
    }

    [Fact]
    public async Task ReadAfterAnUpdateIsNeverStaleAcrossGatewayRestarts()
    {
        await fixture.Http.CreateAsync("cache", "svc", "fresh", "old");
        await (await fixture.Http.ReadAsync("cache", "svc", "fresh")).ValueAsync();

        await (await fixture.Http.UpdateAsync("cache", "svc", "fresh", "new")).ValueAsync();
        var sameGrain = await (await fixture.Http.ReadAsync("cache", "svc", "fresh")).ValueAsync();
        await fixture.RestartGatewayAsync();
        var freshGrain = await (await fixture.Http.ReadAsync("cache", "svc", "fresh")).ValueAsync();

        Assert.Equal(("new", 2L), sameGrain);
        Assert.Equal(("new", 2L), freshGrain);
    }

    [Fact]
    public async Task EncryptedValueIsNotServedWhileVaultIsStopped()
    {
        await fixture.Http.CreateAsync("cache", "svc", "secret", "hidden", encrypted: true);
        await fixture.Vault.StopAsync();
        try
        {
            var read = await fixture.Http.ReadAsync("cache", "svc", "secret");

            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        finally
        {
            await fixture.RestartVaultAsync();
        }
    }
}
