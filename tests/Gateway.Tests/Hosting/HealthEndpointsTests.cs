using ConfigCluster.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Gateway.Tests.Hosting;

/// <summary>The health endpoints are ASP.NET Core health checks: an operator's own check joins them by its tag.</summary>
public sealed class HealthEndpointsTests(HealthEndpointsTests.Fixture fixture) : IClassFixture<HealthEndpointsTests.Fixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task AnOperatorsFailingReadyCheckTakesTheSiloOutOfServiceWithItsReason()
    {
        fixture.OperatorCheckFails = true;
        try
        {
            var ready = await _http.GetAsync(HealthEndpoints.ReadyPath);
            var live = await _http.GetAsync(HealthEndpoints.LivePath);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "disk full"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
            Assert.Equal((HttpStatusCode.OK, "live"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        }
        finally
        {
            fixture.OperatorCheckFails = false;
        }
    }

    [Fact]
    public async Task ReadinessSaysVaultIsUnavailableWhileItIsDown()
    {
        await fixture.StopVaultAsync();
        try
        {
            var ready = await _http.GetAsync(HealthEndpoints.ReadyPath);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "vault unavailable"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        }
        finally
        {
            await fixture.RestoreVaultAsync();
        }

        await Eventually.ReachesAsync(() => _http.GetAsync(HealthEndpoints.ReadyPath), r => r.IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "ready again once Vault is back");
    }

    public sealed class Fixture : GatewayFixture
    {
        public volatile bool OperatorCheckFails;

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddHealthChecks().AddCheck("operator", () => OperatorCheckFails
                ? HealthCheckResult.Unhealthy("disk full")
                : HealthCheckResult.Healthy(), tags: [HealthTags.Ready]);
    }
}
