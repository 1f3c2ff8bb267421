using ConfigCluster.Grains.Changes;
using ConfigCluster.Grains.Interfaces.Watch;
using ConfigCluster.Grains.LocalReads;
using ConfigCluster.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// One config. Not reentrant: writes run one at a time, each conditional (Vault check-and-set) on the
/// version this grain last saw, so concurrent writers get consecutive versions and a change made
/// directly in Vault is detected instead of overwritten. Reads are [ReadOnly] and may interleave
/// with each other, never with a write. What it may answer without Vault it mirrors into the silo's
/// local read path (<see cref="LocalConfigReads"/>), through <see cref="Know"/> only.
/// </summary>
internal sealed partial class ConfigGrain(
    IConfigStore store,
    IChangeLog changes,
    IConfigCache cache,
    ILocalReadPublisher localReads,
    ChangeReconciler reconciler,
    IOptions<ConfigGrainOptions> options,
    TimeProvider time,
    ILogger<ConfigGrain> logger) : Grain, IConfigGrain
{
    private readonly ConfigGrainOptions _options = options.Value;
    private readonly ILogger _logger = logger;
    private ConfigAddress _address = null!;
    private ConfigSnapshot? _snapshot;
    private bool _retentionPending;
    private IConfigWatchGrain? _watch;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// The token of every step from the intent on: a write that has begun runs to its end (each step
    /// bounded by its own timeout) even when its caller goes away. Cancelled half way, it would leave an
    /// intent pending (holding back every later event until the relay settles it) and a Vault version
    /// this grain does not know, which the next write would take for a change made outside the service.
    /// </summary>
    private static CancellationToken WriteInFlight => CancellationToken.None;

    /// <summary>
    /// How old a plain value may get before a read asks for it to be renewed: between five and seven
    /// eighths of the TTL (three quarters on average), drawn per activation. Configs activated together
    /// (a silo start, a burst of first reads) would otherwise all re-read Vault in the same second of
    /// every TTL period; spread out, renewals are a steady trickle.
    /// </summary>
    private TimeSpan _renewAfter;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _address = ConfigAddress.Parse(this.GetPrimaryKeyString());
        _renewAfter = _options.CacheTtl * (0.625 + 0.25 * Random.Shared.NextDouble());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        localReads.Withdraw(_address);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets what the grain knows. A plain config that exists is published to the silo's local reads until
    /// its TTL runs out; anything else (absent, encrypted, unknown) is withdrawn from them.
    /// </summary>
    private void Know(ConfigSnapshot? snapshot)
    {
        _snapshot = snapshot;
        if (snapshot?.ToCachedResult(_address) is { } readable)
        {
            localReads.Publish(_address, readable, snapshot.SeenAt + _renewAfter, snapshot.SeenAt + _options.CacheTtl);
        }
        else
        {
            localReads.Withdraw(_address);
        }
    }

    public async Task<ConfigResult> GetAsync(long? version, CancellationToken cancellationToken)
    {
        if (version is { } requested && requested != _snapshot?.Version)
        {
            return await ReadVersionAsync(requested, cancellationToken);
        }

        if (_snapshot is { } snapshot && snapshot.IsFresh(Now, _options.CacheTtl))
        {
            if (!snapshot.Exists)
            {
                return ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotFound);
            }

            if (snapshot.ToCachedResult(_address) is { } cached)
            {
                return cached;
            }
        }

        if (_snapshot is null && await ReadSharedCacheAsync(cancellationToken) is { } shared)
        {
            return shared;
        }

        return await ReadCurrentAsync(cancellationToken);
    }

    public async Task RenewAsync()
    {
        if (_snapshot is { Exists: true, PlainValue: not null } held && Now - held.SeenAt >= _renewAfter)
        {
            await ReadCurrentAsync(CancellationToken.None);
        }
    }

    public async Task<ConfigResult> CreateAsync(ConfigChange change, CancellationToken cancellationToken)
    {
        if (Validate(change) is { } invalid)
        {
            return invalid;
        }

        var key = KeyOf(ChangeAction.Created, change.IsEncrypted ?? false, change.Context);
        if (await ReplayAsync(key, ChangeAction.Created, change.Value, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var isEncrypted = change.IsEncrypted ?? false;
        var (ticket, record, refused) = await BeginAsync(ChangeAction.Created, null, isEncrypted, change.Context, key, change.Value, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var write = await store.WriteAsync(_address, change.Value, isEncrypted, expectedVersion: 0, WriteInFlight);
        if (!write.IsOk)
        {
            await SettleRefusedAsync(ticket, write.Outcome, WriteInFlight);
            return write.Outcome == StoreOutcome.Conflict
                ? Forget(ConfigResult.Fail(ConfigOutcome.AlreadyExists, ConfigMessages.AlreadyExists))
                : WriteFailed("create", write.Outcome, write.Detail, expectedVersion: 0);
        }

        var written = write.Value!;
        var entry = Remember(change.Value, isEncrypted, written, createdAt: written.WrittenAt);
        await CompleteAsync(ticket, record, entry, WriteInFlight);
        LogCreated(_address.Path, written.Version);
        _retentionPending = true;
        await ApplyRetentionIfPendingAsync(WriteInFlight);
        return new ConfigResult(ConfigOutcome.Created, entry);
    }

    public async Task<ConfigResult> UpdateAsync(ConfigChange change, CancellationToken cancellationToken)
    {
        if (Validate(change) is { } invalid)
        {
            return invalid;
        }

        var key = KeyOf(ChangeAction.Updated, change.IsEncrypted, change.Context);
        if (await ReplayAsync(key, ChangeAction.Updated, change.Value, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var (current, failure) = await CurrentForWriteAsync("update", cancellationToken);
        if ((failure ?? Unexpected(current!, change.Context)) is { } notNow)
        {
            return notNow;
        }

        var isEncrypted = change.IsEncrypted ?? current!.IsEncrypted;
        return await WriteVersionAsync(ChangeAction.Updated, current!, change.Value, isEncrypted, change.Context, key, details: null, cancellationToken);
    }

    /// <summary>A new version of an existing config: intent, check-and-set write, commit (an update or a rollback).</summary>
    private async Task<ConfigResult> WriteVersionAsync(
        ChangeAction action, ConfigSnapshot current, string value, bool isEncrypted, ChangeContext context, IdempotencyKey? key, string? details,
        CancellationToken cancellationToken)
    {
        var (ticket, record, refused) = await BeginAsync(action, current, isEncrypted, context, key, value, cancellationToken, details);
        if (refused is not null)
        {
            return refused;
        }

        var write = await store.WriteAsync(_address, value, isEncrypted, current.Version, WriteInFlight);
        if (!write.IsOk)
        {
            await SettleRefusedAsync(ticket, write.Outcome, WriteInFlight);
            return WriteFailed(OperationOf(action), write.Outcome, write.Detail, current.Version);
        }

        var entry = Remember(value, isEncrypted, write.Value!, current.CreatedAt);
        await CompleteAsync(ticket, record, entry, WriteInFlight);
        LogUpdated(_address.Path, entry.Version);
        await ApplyRetentionIfPendingAsync(WriteInFlight);
        return ConfigResult.Found(entry);
    }

    public async Task<ConfigResult> DeleteAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var key = KeyOf(ChangeAction.Deleted, null, context);
        if (await ReplayAsync(key, ChangeAction.Deleted, null, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var (current, failure) = await CurrentForWriteAsync("delete", cancellationToken);
        if ((failure ?? Unexpected(current!, context)) is { } notNow)
        {
            return notNow;
        }

        var (ticket, record, refused) = await BeginAsync(ChangeAction.Deleted, current, current!.IsEncrypted, context, key, null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var delete = await store.DeleteAsync(_address, current.Version, WriteInFlight);
        if (!delete.IsOk)
        {
            await SettleRefusedAsync(ticket, delete.Outcome, WriteInFlight);
            return WriteFailed("delete", delete.Outcome, delete.Detail, current.Version);
        }

        Know(ConfigSnapshot.Absent(Now));
        _retentionPending = false;
        await CompleteAsync(ticket, record, entry: null, WriteInFlight);
        LogDeleted(_address.Path, current.Version);
        return new ConfigResult(ConfigOutcome.Ok);
    }

    /// <summary>The refusal of a write whose <c>If-Match</c> names another version than the current one.</summary>
    private static ConfigResult? Unexpected(ConfigSnapshot current, ChangeContext context) =>
        context.ExpectedVersion is { } expected && expected != current.Version
            ? ConfigResult.Fail(ConfigOutcome.PreconditionFailed, ConfigMessages.PreconditionFailed(expected, current.Version))
            : null;

    public async Task<ConfigHistory> GetHistoryAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var audit = changes.ReadHistoryAsync(_address, limit, offset, cancellationToken);
        var versions = store.ReadVersionsAsync(_address, cancellationToken);
        var page = await audit;
        if (!page.IsOk)
        {
            return new ConfigHistory(ConfigOutcome.DependencyUnavailable, [], 0, limit, offset, ConfigMessages.AuditUnavailableOnRead);
        }

        var known = await versions;
        return ConfigHistoryBuilder.Build(page.Value!, known.IsOk ? known.Value : null, limit, offset, Now);
    }
}
