using System.Diagnostics.Metrics;
using ConfigCluster.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Gateway.Tests.Hosting;

/// <summary>
/// The health endpoints are ASP.NET Core health checks: an operator's own check joins them by its tag, and the
/// shared dependencies stay out of readiness (their state goes to a gauge and the log).
/// </summary>
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
    public async Task ReadinessStaysReadyWhileVaultIsDownAndTheDependencyGaugeSaysSo()
    {
        using var gauge = new DependencyGauge(fixture.Services.GetRequiredService<IMeterFactory>());
        await fixture.StopVaultAsync();
        try
        {
            await Eventually.HoldsAsync(() => gauge.Read("vault") == 0, TimeSpan.FromSeconds(15), "the vault gauge at 0");
            var ready = await _http.GetAsync(HealthEndpoints.ReadyPath);

            Assert.Equal((HttpStatusCode.OK, "ready"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        }
        finally
        {
            await fixture.RestoreVaultAsync();
        }

        await Eventually.HoldsAsync(() => gauge.Read("vault") == 1, TimeSpan.FromSeconds(15), "the vault gauge back at 1");
    }

    /// <summary>Reads <c>configcluster.dependency.up</c> of one host (its meter factory), as an exporter would.</summary>
    private sealed class DependencyGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, int> _values = [];

        public DependencyGauge(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "configcluster.dependency.up" && ReferenceEquals(instrument.Meter.Scope, host))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "dependency")
                    {
                        _values[(string)tag.Value!] = value;
                    }
                }
            });
            _listener.Start();
        }

        public int? Read(string dependency)
        {
            lock (_values)
            {
                _values.Clear();
                _listener.RecordObservableInstruments();
                return _values.TryGetValue(dependency, out var value) ? value : null;
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    public sealed class Fixture : GatewayFixture
    {
        public volatile bool OperatorCheckFails;

        protected override IEnumerable<string> ExtraArgs => ["--Health:DependencyCheckPeriod=00:00:01"];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddHealthChecks().AddCheck("operator", () => OperatorCheckFails
                ? HealthCheckResult.Unhealthy("disk full")
                : HealthCheckResult.Healthy(), tags: [HealthTags.Ready]);
    }
}
