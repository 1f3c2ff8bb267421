using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// One registered instance, keyed "environment/service/instance_id" (<see cref="RegistryGrainExtensions"/>). The
/// only writer of its row, and the runner of its health check: it holds the heartbeats, runs HTTP and TCP checks
/// on its timer, and stores a status when consecutive results change it. A reminder brings it back on another silo
/// when its silo dies, so checks go on.
/// </summary>
[Alias("ConfigCluster.IRegistryInstanceGrain")]
public interface IRegistryInstanceGrain : IGrainWithStringKey
{
    /// <summary>The instance as this grain knows it now (its last heartbeat included), or NotFound.</summary>
    [Alias("Get")]
    Task<RegistryResult> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers the instance (Created) or updates its registration (Ok). A registration equal to the stored one
    /// changes nothing. The check's target must pass the silo's guard (own address, no refused network).
    /// </summary>
    [Alias("Register")]
    Task<RegistryResult> RegisterAsync(InstanceRegistration registration, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// A heartbeat of a TTL check: the TTL starts again; <paramref name="status"/> (default passing) and
    /// <paramref name="output"/> are the instance's own word on its health (a status it changes is audited with
    /// <paramref name="context"/>). NotFound when the instance is not registered (after a deregistration it must
    /// register again).
    /// </summary>
    [Alias("Heartbeat")]
    Task<RegistryResult> HeartbeatAsync(InstanceStatus? status, string? output, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>Removes the instance (Deleted, with the instance as it was), or NotFound.</summary>
    [Alias("Deregister")]
    Task<RegistryResult> DeregisterAsync(ChangeContext context, CancellationToken cancellationToken = default);
}
