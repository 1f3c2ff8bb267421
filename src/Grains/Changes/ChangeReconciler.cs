using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Changes;

/// <summary>
/// Settles intents whose writer never did (it crashed, or lost the change log after writing Vault):
/// a change is committed when Vault shows it happened, aborted when Vault shows it did not, and left
/// for later while Vault does not answer.
/// </summary>
internal sealed class ChangeReconciler(IConfigStore store, IChangeLog changes, TimeProvider time)
{
    public async Task<int> SettleAsync(IReadOnlyList<PendingChange> stale, CancellationToken cancellationToken)
    {
        var settled = 0;
        foreach (var pending in stale)
        {
            settled += await SettleOneAsync(pending, cancellationToken) is null ? 0 : 1;
        }

        return settled;
    }

    /// <summary>
    /// Settles one intent: Committed or Aborted as it now stands in the change log (also when another settler
    /// was first), or null while Vault or the change log cannot tell.
    /// </summary>
    public async Task<ChangeState?> SettleOneAsync(PendingChange pending, CancellationToken cancellationToken)
    {
        var happened = await HappenedAsync(pending.Change, cancellationToken);
        if (happened is null)
        {
            return null;
        }

        var result = happened.Value
            ? await changes.CommitAsync(pending.Ticket, pending.Change.NewVersion, time.GetUtcNow(), cancellationToken)
            : await changes.AbortAsync(pending.Ticket, cancellationToken);
        return (result.IsOk, result.Outcome, happened.Value) switch
        {
            (true, _, true) => ChangeState.Committed,
            (true, _, false) => ChangeState.Aborted,
            (false, StoreOutcome.Conflict, true) => ChangeState.Aborted, // settled the other way first
            (false, StoreOutcome.Conflict, false) => ChangeState.Committed,
            _ => null,
        };
    }

    /// <summary>True if Vault shows the change, false if it shows it did not happen, null if Vault cannot tell now.</summary>
    private async Task<bool?> HappenedAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        var version = change.Action == ChangeAction.Deleted ? (long?)null : change.NewVersion;
        var read = await store.ReadAsync(change.Address, version, cancellationToken);
        return (change.Action, read.Outcome) switch
        {
            (_, StoreOutcome.Unavailable) => null,
            (ChangeAction.Deleted, StoreOutcome.NotFound) => true,
            (ChangeAction.Deleted, _) => false,
            (_, StoreOutcome.Ok) => true,
            _ => false,
        };
    }
}
