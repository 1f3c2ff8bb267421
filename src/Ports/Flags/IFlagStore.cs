namespace ConfigCluster.Ports.Flags;

/// <summary>
/// Feature flags (PostgreSQL). A write changes the flag, writes its audit row (entity <c>flag</c>, the definition as
/// details) to the one audit trail and outbox, and announces the change to every silo, in one transaction.
/// Every call answers within the store's timeout; failures are Unavailable, never an exception.
/// </summary>
public interface IFlagStore
{
    Task<StoreResult<IReadOnlyList<StoredFlag>>> ListAsync(string environment, CancellationToken cancellationToken);

    Task<StoreResult<StoredFlag?>> ReadAsync(string environment, string key, CancellationToken cancellationToken);

    Task<FlagWriteResult> WriteAsync(FlagWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Follows flag changes made by any silo until cancelled: <paramref name="changed"/> with each changed flag's
    /// environment and key, <paramref name="resync"/> whenever changes may have been missed (at start, after a lost
    /// connection). Never throws for database trouble: it reconnects.
    /// </summary>
    Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken);
}
