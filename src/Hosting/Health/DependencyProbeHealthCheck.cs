using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Hosting.Health;

/// <summary>
/// One adapter's <see cref="IDependencyProbe"/> (the same probe <c>GET /api/v1/config/status</c> shows) as a
/// health check: Up is healthy, anything else unhealthy with the probe's short reason.
/// </summary>
internal sealed class DependencyProbeHealthCheck(IDependencyProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await probe.ProbeAsync(cancellationToken);
        return status.State == DependencyState.Up
            ? HealthCheckResult.Healthy(status.Detail)
            : HealthCheckResult.Unhealthy(status.Detail ?? status.State.ToString());
    }
}
