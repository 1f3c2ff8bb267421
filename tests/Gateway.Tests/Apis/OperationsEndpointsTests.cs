namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>Health and metrics, as a kubelet and a Prometheus scraper see them.</summary>
public sealed class OperationsEndpointsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task LivenessAndReadinessAnswer200OnARunningSilo()
    {
        var live = await _http.GetAsync("/health/live");
        var ready = await _http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "ready"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MetricsShowRequestsByRouteTemplateAndOrleansButNeitherKeysNorValues()
    {
        Assert.Equal(HttpStatusCode.Created, (await _http.CreateAsync("metrics", "svc", "metrics-key-7f3a", "metrics-value-9c1e", isEncrypted: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetConfigAsync("metrics", "svc", "metrics-key-7f3a")).StatusCode);

        var metrics = await Eventually.ReachesAsync(
            () => _http.GetStringAsync("/metrics"), m => m.Contains("http_route=\"/api/v1/config/{key}\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the config route in the request metrics");

        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics-key-7f3a", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics-value-9c1e", metrics, StringComparison.Ordinal);
    }
}
