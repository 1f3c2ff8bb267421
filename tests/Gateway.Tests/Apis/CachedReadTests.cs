using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.LocalReads;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// Reads served from the config grain's memory or, for a grain in the gateway's own silo, from the local
/// reads it publishes: the gateway keeps the body bytes of a plain config with the grain's entry, so these
/// tests pin down that neither a local answer nor a kept body outlives the value it was made from.
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

    [Fact]
    public async Task AReadRightAfterADeleteIsNotFound()
    {
        await _http.CreateAsync("cached", "svc", "gone", "value");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetConfigAsync("cached", "svc", "gone")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteConfigAsync("cached", "svc", "gone")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetConfigAsync("cached", "svc", "gone")).StatusCode);
    }

    [Fact]
    public async Task APlainConfigReadThroughThisGatewaysSiloIsAnsweredLocally()
    {
        var reads = fixture.Services.GetRequiredService<LocalConfigReads>();
        await _http.CreateAsync("cached", "svc", "local", "value");

        var read = await (await _http.GetConfigAsync("cached", "svc", "local")).ReadConfigAsync();

        Assert.Equal(("value", 1L), (read.Value, read.Version));
        Assert.Equal("value", reads.TryRead(new ConfigAddress("cached", "svc", "local"))?.Entry?.Value);
    }

    [Theory]
    [InlineData("?environment=cach%65d&service_name=svc")]
    [InlineData("?ENVIRONMENT=cached&Service_Name=svc&unknown=1")]
    [InlineData("?service_name=svc&environment=cached")]
    public async Task AQueryWrittenAnotherWayReadsTheSameConfig(string query)
    {
        await _http.CreateAsync("cached", "svc", "spelled", "value");
        var plain = await (await _http.GetConfigAsync("cached", "svc", "spelled")).Content.ReadAsStringAsync();

        var read = await _http.GetAsync("/api/v1/config/spelled" + query);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(plain, await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANameGivenTwiceIsRefusedAlsoForAConfigAnsweredLocally()
    {
        await _http.CreateAsync("cached", "svc", "twice", "value");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetConfigAsync("cached", "svc", "twice")).StatusCode);

        var read = await _http.GetAsync("/api/v1/config/twice?environment=cached&service_name=svc&environment=cached");

        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Contains("environment", (await read.ReadProblemAsync()).Errors!.Keys);
    }

    [Fact]
    public async Task AVersionReadOfAConfigAnsweredLocallyGetsThatVersion()
    {
        await _http.CreateAsync("cached", "svc", "versioned", "one");
        await _http.UpdateAsync("cached", "svc", "versioned", "two");
        Assert.Equal("two", (await (await _http.GetConfigAsync("cached", "svc", "versioned")).ReadConfigAsync()).Value);

        var read = await (await _http.GetAsync(ConfigApiClient.PathOf("cached", "svc", "versioned") + "&version=1")).ReadConfigAsync();

        Assert.Equal(("one", 1L), (read.Value, read.Version));
    }
}
