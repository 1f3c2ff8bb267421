namespace ConfigCluster.Ports.Flags;

/// <summary>
/// Feature flags (PostgreSQL). A write changes the flag, writes its audit row (entity <c>flag</c>, the definition as
/// details) to the one audit trail and outbox, and announces the change to every silo, in one transaction.
/// Every call answers within the store's timeout; failures are Unavailable, never an exception.
/// </summary>
public interface IFlagStore : IChangeFeed
{
    Task<StoreResult<IReadOnlyList<StoredFlag>>> ListAsync(string environment, CancellationToken cancellationToken);

    Task<StoreResult<StoredFlag?>> ReadAsync(string environment, string key, CancellationToken cancellationToken);

    Task<FlagWriteResult> WriteAsync(FlagWrite write, CancellationToken cancellationToken);
}
