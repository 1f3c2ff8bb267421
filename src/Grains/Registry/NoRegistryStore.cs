using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports;
using ConfigCluster.Ports.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// The registry store of a silo without PostgreSQL (tests of other parts): it has no instances and refuses writes as
/// unavailable.
/// </summary>
internal sealed class NoRegistryStore : IRegistryStore
{
    private const string Detail = "No registry store is configured.";

    public Task<StoreResult<RegistryInstance?>> ReadAsync(string environment, string service, string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<RegistryInstance?>.Ok(null));

    public Task<StoreResult<RegistryListing>> ListAsync(string environment, string? service, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<RegistryListing>.Ok(new RegistryListing([], new Dictionary<string, long>())));

    public Task<RegistryWriteResult> WriteAsync(RegistryWrite write, CancellationToken cancellationToken) =>
        Task.FromResult(new RegistryWriteResult(RegistryWriteOutcome.Unavailable, Detail: Detail));

    public Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
}
