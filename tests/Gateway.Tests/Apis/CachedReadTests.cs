namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// Reads served from the config grain's memory: the gateway keeps the body bytes of a plain config with the
/// grain's entry, so these tests pin down that a kept body never outlives the value it was made from.
/// </summary>
public sealed class CachedReadTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ReadIsSentWithItsContentLengthNotChunked()
    {
        await _http.CreateAsync("cached", "svc", "length", "value");

        var read = await _http.GetConfigAsync("cached", "svc", "length");

        var body = await read.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, read.Content.Headers.ContentLength);
        Assert.NotEqual(true, read.Headers.TransferEncodingChunked);
        Assert.Equal("application/json; charset=utf-8", read.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryReadAfterAnUpdateShowsTheNewValue(bool isEncrypted)
    {
        var key = $"fresh-{isEncrypted}";
        await _http.CreateAsync("cached", "svc", key, "one", isEncrypted);
        var first = await (await _http.GetConfigAsync("cached", "svc", key)).Content.ReadAsStringAsync();
        Assert.Equal(first, await (await _http.GetConfigAsync("cached", "svc", key)).Content.ReadAsStringAsync());

        await _http.UpdateAsync("cached", "svc", key, "two");

        for (var i = 0; i < 3; i++)
        {
            var read = await (await _http.GetConfigAsync("cached", "svc", key)).ReadConfigAsync();
            Assert.Equal(("two", 2L, isEncrypted), (read.Value, read.Version, read.IsEncrypted));
        }
    }
}
