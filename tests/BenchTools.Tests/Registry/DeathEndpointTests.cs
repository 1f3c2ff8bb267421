using System.Net;
using System.Net.Sockets;
using ConfigCluster.BenchTools.Registry;

namespace ConfigCluster.BenchTools.Tests.Registry;

/// <summary>The death probe's instance, over real loopback HTTP: alive until stopped, then refusing connections.</summary>
public sealed class DeathEndpointTests
{
    [Fact]
    public async Task WhileListeningEveryRequestIsAnsweredOk()
    {
        await using var endpoint = DeathEndpoint.Start();
        using var http = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{endpoint.Port}/health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task OnceStoppedAConnectionIsRefused()
    {
        await using var endpoint = DeathEndpoint.Start();
        var health = $"http://127.0.0.1:{endpoint.Port}/health";
        using var http = new HttpClient();
        using (var alive = await http.GetAsync(health))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        await endpoint.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(health, $"http://127.0.0.1:{endpoint.Port}/health");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(health));
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task EachEndpointListensOnAPortOfItsOwn()
    {
        await using var first = DeathEndpoint.Start();
        await using var second = DeathEndpoint.Start();

        Assert.NotEqual(first.Port, second.Port);
        Assert.InRange(first.Port, 1, 65535);
    }
}
