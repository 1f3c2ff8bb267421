using ConfigCluster.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Hosting.Health;

/// <summary>Healthy while Vault answers with the silo's token (the config store's own status call).</summary>
internal sealed class VaultHealthCheck(IConfigStore store) : IHealthCheck
{
    public const string Name = "vault";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(cancellationToken);
        return status.Connected ? HealthCheckResult.Healthy("up") : HealthCheckResult.Unhealthy("vault unavailable");
    }
}
