namespace ConfigCluster.Ports;

/// <summary>
/// The durable record of changes (PostgreSQL): audit rows and the outbox of events in one place.
/// A config grain records the intent before it writes Vault, so a write either is audited or does
/// not happen; the intent then becomes a committed change (an audit row and an event to publish)
/// or is aborted. Intents left pending by a crash are settled by the change relay.
/// </summary>
public interface IChangeLog
{
    /// <summary>
    /// Records a pending change. Unavailable when the log cannot be written: the change must not happen.
    /// With an idempotency key, the key is claimed in the same step; Conflict when another change holds it
    /// (within its retention, and not aborted).
    /// </summary>
    Task<StoreResult<ChangeTicket>> BeginAsync(ChangeRecord change, CancellationToken cancellationToken);

    /// <summary>The change an idempotency key produced within its retention; null when it has none.</summary>
    Task<StoreResult<IdempotentChange?>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>The change happened in Vault as <paramref name="newVersion"/> (0 for delete) at <paramref name="at"/>.</summary>
    Task<StoreResult<bool>> CommitAsync(ChangeTicket ticket, long newVersion, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The change did not happen.</summary>
    Task<StoreResult<bool>> AbortAsync(ChangeTicket ticket, CancellationToken cancellationToken);

    /// <summary>The id of the config's newest change that is pending or committed; null when it has none.</summary>
    Task<StoreResult<long?>> LatestChangeIdAsync(ConfigAddress address, CancellationToken cancellationToken);

    /// <summary>Committed changes of a config, newest first.</summary>
    Task<StoreResult<AuditPage>> ReadHistoryAsync(ConfigAddress address, int limit, int offset, CancellationToken cancellationToken);
}
