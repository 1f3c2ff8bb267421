using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Ports.Registry;

/// <summary>
/// The service registry (PostgreSQL). A write changes one instance, moves its service's index, writes its audit row
/// (entity <c>instance</c>) to the one audit trail and outbox, and announces the change to every silo, in one
/// transaction. Every call answers within the store's timeout; failures are Unavailable, never an exception.
/// </summary>
public interface IRegistryStore : IChangeFeed
{
    Task<StoreResult<RegistryInstance?>> ReadAsync(string environment, string service, string instanceId, CancellationToken cancellationToken);

    /// <summary>Every instance of <paramref name="environment"/>, or of one of its services, with the services' indexes.</summary>
    Task<StoreResult<RegistryListing>> ListAsync(string environment, string? service, CancellationToken cancellationToken);

    Task<RegistryWriteResult> WriteAsync(RegistryWrite write, CancellationToken cancellationToken);
}
