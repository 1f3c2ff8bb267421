namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>One grain per key serializes writes: concurrent PUTs get consecutive Vault versions.</summary>
public sealed class ConcurrentWriteTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task FiftyConcurrentPutsToOneKeyAreAllAcknowledgedWithVersionsTwoToFiftyOneOnce()
    {
        var environment = $"race-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await _http.CreateAsync(environment, "svc", "hot", "v0")).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => _http.UpdateAsync(environment, "svc", "hot", $"value-{i}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var acknowledged = await Task.WhenAll(responses.Select(r => r.ReadConfigAsync()));
        Assert.Equal(Enumerable.Range(2, 50).Select(v => (long)v), acknowledged.Select(a => a.Version).Order());
        var last = acknowledged.Single(a => a.Version == 51);
        var current = await (await _http.GetConfigAsync(environment, "svc", "hot")).ReadConfigAsync();
        Assert.Equal((last.Value, 51L), (current.Value, current.Version));
    }
}
