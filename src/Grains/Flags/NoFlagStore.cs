using ConfigCluster.Ports;
using ConfigCluster.Ports.Flags;

namespace ConfigCluster.Grains.Flags;

/// <summary>
/// The flag store of a silo without PostgreSQL (tests of other parts): it has no flags and refuses writes as
/// unavailable.
/// </summary>
internal sealed class NoFlagStore : IFlagStore
{
    private const string Detail = "No flag store is configured.";

    public Task<StoreResult<IReadOnlyList<StoredFlag>>> ListAsync(string environment, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<IReadOnlyList<StoredFlag>>.Ok([]));

    public Task<StoreResult<StoredFlag?>> ReadAsync(string environment, string key, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<StoredFlag?>.Ok(null));

    public Task<FlagWriteResult> WriteAsync(FlagWrite write, CancellationToken cancellationToken) =>
        Task.FromResult(new FlagWriteResult(FlagWriteOutcome.Unavailable, Detail: Detail));

    public Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
}
