namespace ConfigCluster.Grains.Interfaces.Status;

/// <summary>Reports the state of the service's dependencies. A stateless worker, local to the calling silo.</summary>
[Alias("ConfigCluster.IServiceStatusGrain")]
public interface IServiceStatusGrain : IGrainWithIntegerKey
{
    [ReadOnly, Alias("Get")]
    Task<ServiceStatus> GetAsync(CancellationToken cancellationToken = default);
}
