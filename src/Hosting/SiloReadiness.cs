using ConfigCluster.Ports;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace ConfigCluster.Hosting;

/// <summary>
/// Whether this silo should get traffic: it is Active in the cluster, Vault answers, and the host is
/// not shutting down. Liveness, by contrast, touches no dependency.
/// </summary>
public sealed class SiloReadiness(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IConfigStore store,
    IHostApplicationLifetime lifetime)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return new ReadinessReport(false, "shutting down");
        }

        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return new ReadinessReport(false, $"silo is {status}");
        }

        var vault = await store.GetStatusAsync(cancellationToken);
        return vault.Connected ? new ReadinessReport(true, "ready") : new ReadinessReport(false, "vault unavailable");
    }
}
