using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Changes;

/// <summary>
/// The change log when no PostgreSQL is configured: changes are not audited and no events leave.
/// It admits every change and knows no history; the shared cache is then never trusted.
/// </summary>
internal sealed class NoChangeLog : IChangeLog
{
    private const string Detail = "No audit log is configured (ConnectionStrings:Postgres).";

    public Task<StoreResult<ChangeTicket>> BeginAsync(ChangeRecord change, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<ChangeTicket>.Ok(new ChangeTicket(0, change.EventId)));

    public Task<StoreResult<bool>> CommitAsync(ChangeTicket ticket, long newVersion, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<bool>.Ok(true));

    public Task<StoreResult<bool>> AbortAsync(ChangeTicket ticket, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<bool>.Ok(true));

    /// <summary>Without a change log no key is kept: every request runs as a first attempt.</summary>
    public Task<StoreResult<IdempotentChange?>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<IdempotentChange?>.Ok(null));

    public Task<StoreResult<long?>> LatestChangeIdAsync(ConfigAddress address, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<long?>.Fail(StoreOutcome.Unavailable, Detail));

    public Task<StoreResult<AuditPage>> ReadHistoryAsync(ConfigAddress address, int limit, int offset, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<AuditPage>.Fail(StoreOutcome.Unavailable, Detail));
}
