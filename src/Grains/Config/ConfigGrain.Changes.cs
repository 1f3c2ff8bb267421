using ConfigCluster.Grains.Interfaces.Watch;
using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// The side effects of a write, in the order that loses nothing: the intent is recorded in the change
/// log before Vault is written (no audit, no write); a refused write aborts it; an accepted one commits
/// it (audit row + event to publish) and updates the shared cache before the write is acknowledged.
/// </summary>
internal sealed partial class ConfigGrain
{
    /// <summary>
    /// Records the intent. A caller that has already gone away is turned away here, with nothing done;
    /// from the intent on, the write runs to its end whatever the caller does (<see cref="WriteInFlight"/>).
    /// </summary>
    private async Task<(ChangeTicket Ticket, ChangeRecord Change, ConfigResult? Refused)> BeginAsync(
        ChangeAction action, ConfigSnapshot? current, bool isEncrypted, ChangeContext context, IdempotencyKey? key, string? value,
        CancellationToken cancellationToken, string? details = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Readers in this silo ask the grain from here on: they wait for the write like any other read.
        localReads.Withdraw(_address);
        var oldVersion = current?.Version ?? 0;
        var newVersion = action == ChangeAction.Deleted ? 0 : oldVersion + 1;
        var record = new ChangeRecord(Guid.NewGuid(), action, _address, oldVersion, newVersion, isEncrypted,
            context.Actor, context.RequestId, Now, key, Details: details);
        var begun = await changes.BeginAsync(record, WriteInFlight);
        if (begun.IsOk)
        {
            return (begun.Value, record, null);
        }

        Know(_snapshot); // nothing was written: the grain's answer stands
        var operation = OperationOf(action);
        if (begun.Outcome == StoreOutcome.Conflict && key is not null)
        {
            // Another request claimed the key since it was looked up: answer as it did, or as still in flight.
            return (default, record, await ReplayAsync(key, action, value, cancellationToken)
                ?? ConfigResult.Fail(ConfigOutcome.OutcomeUnknown, ConfigMessages.OutcomeUnknownOnWrite(operation)));
        }

        LogAuditUnavailable(operation, _address.Path, begun.Detail);
        return (default, record, ConfigResult.Fail(ConfigOutcome.DependencyUnavailable, ConfigMessages.AuditUnavailableOnWrite(operation)));
    }

    /// <summary>
    /// A refused write aborts its intent. When Vault gave no answer, the write may have happened:
    /// the intent stays pending and the change relay settles it against Vault.
    /// </summary>
    private async Task SettleRefusedAsync(ChangeTicket ticket, StoreOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome == StoreOutcome.Indeterminate)
        {
            return;
        }

        var aborted = await changes.AbortAsync(ticket, cancellationToken);
        if (!aborted.IsOk)
        {
            LogSettleFailed(ticket.Id, _address.Path, aborted.Detail);
        }
    }

    /// <summary>
    /// Commits the change, brings the shared cache in line (the plain value, or no entry) and tells the
    /// service's watchers (one-way: the write does not wait for them).
    /// </summary>
    private async Task CompleteAsync(ChangeTicket ticket, ChangeRecord change, ConfigEntry? entry, CancellationToken cancellationToken)
    {
        var committed = await changes.CommitAsync(ticket, entry?.Version ?? 0, Now, cancellationToken);
        if (!committed.IsOk)
        {
            // Vault holds the change and the intent is durable: the relay commits it later.
            LogSettleFailed(ticket.Id, _address.Path, committed.Detail);
        }

        if (entry is { IsEncrypted: false })
        {
            _sharedCacheTag = (entry.Version, ticket.Id);
            await cache.SetAsync(_address, ToCached(entry, ticket.Id), _options.CacheTtl, cancellationToken);
        }
        else
        {
            _sharedCacheTag = null;
            await cache.RemoveAsync(_address, cancellationToken);
        }

        var kind = change.Action switch
        {
            ChangeAction.Created => ConfigChangeKind.Created,
            ChangeAction.Updated or ChangeAction.RolledBack => ConfigChangeKind.Updated,
            _ => ConfigChangeKind.Deleted,
        };
        _watch ??= GrainFactory.GetConfigWatchGrain(_address); // resolving a reference reflects on the interface
        _ = _watch.PublishAsync(new ConfigChangeNotification(
            change.EventId, _address, kind, entry?.Version ?? change.OldVersion, change.IsEncrypted, Now));
    }

    private ConfigResult Forget(ConfigResult result)
    {
        Know(null);
        return result;
    }

    private CachedConfig ToCached(ConfigEntry entry, long changeId) =>
        new(entry.Value, entry.Version, entry.CreatedAt, entry.UpdatedAt, changeId, Now);

    private static string OperationOf(ChangeAction action) => action switch
    {
        ChangeAction.Created => "create",
        ChangeAction.Updated => "update",
        ChangeAction.RolledBack => "roll back",
        _ => "delete",
    };
}
