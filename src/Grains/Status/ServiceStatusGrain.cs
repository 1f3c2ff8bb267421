using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Status;

/// <summary>Asks Vault and every registered dependency probe for its state. A stateless worker.</summary>
[StatelessWorker]
internal sealed class ServiceStatusGrain(IConfigStore store, IEnumerable<IDependencyProbe> probes)
    : Grain, IServiceStatusGrain
{
    public async Task<ServiceStatus> GetAsync(CancellationToken cancellationToken)
    {
        var vault = store.GetStatusAsync(cancellationToken);
        var others = Task.WhenAll(probes.Select(p => p.ProbeAsync(cancellationToken)));
        var storeStatus = await vault;
        var vaultDependency = new DependencyStatus("vault",
            storeStatus.Connected ? DependencyState.Up : DependencyState.Down, storeStatus.Detail);
        return new ServiceStatus(storeStatus.Connected, storeStatus.MountPoint, storeStatus.KvVersion,
            [vaultDependency, .. await others], storeStatus.AuthMethod, storeStatus.TokenTtlSeconds);
    }
}
