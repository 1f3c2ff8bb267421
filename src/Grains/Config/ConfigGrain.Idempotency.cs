using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// Writes sent with an idempotency key. A key seen before (within its retention) answers what its first
/// attempt did instead of writing again: the config at the version that attempt wrote, or the delete. An
/// attempt whose outcome was never learnt (its silo died, Vault did not answer) is settled here against
/// Vault first. A key used for another request is refused; an attempt that changed nothing runs afresh.
/// </summary>
internal sealed partial class ConfigGrain
{
    /// <summary>What identifies the request, without its value: operation, config, encryption flag as asked, caller.</summary>
    private IdempotencyKey? KeyOf(ChangeAction action, bool? requestedEncryption, ChangeContext context) =>
        context.IdempotencyKey is { } key
            ? new IdempotencyKey(key, $"{OperationOf(action)}|{_address.Path}|{requestedEncryption?.ToString() ?? "keep"}|{context.Actor}")
            : null;

    /// <summary>The first attempt's answer, or null when this request is to run as a first attempt.</summary>
    private async Task<ConfigResult?> ReplayAsync(IdempotencyKey? key, ChangeAction action, string? value, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        var operation = OperationOf(action);
        var found = await changes.FindByIdempotencyKeyAsync(key.Key, cancellationToken);
        if (!found.IsOk)
        {
            LogAuditUnavailable(operation, _address.Path, found.Detail);
            return ConfigResult.Fail(ConfigOutcome.DependencyUnavailable, ConfigMessages.AuditUnavailableOnWrite(operation));
        }

        if (found.Value is not { } prior)
        {
            return null;
        }

        if (prior.Fingerprint != key.Fingerprint)
        {
            return ConfigResult.Fail(ConfigOutcome.IdempotencyKeyReused, ConfigMessages.IdempotencyKeyReused);
        }

        var state = prior.State == ChangeState.Pending ? await SettleAsync(prior) : prior.State;
        LogReplayed(_address.Path, prior.Ticket.Id, state?.ToString() ?? "unknown");
        return state switch
        {
            null => ConfigResult.Fail(ConfigOutcome.OutcomeUnknown, ConfigMessages.OutcomeUnknownOnWrite(operation)),
            ChangeState.Aborted => null,
            _ => await RepeatAsync(prior, value, cancellationToken),
        };
    }

    /// <summary>Settles an attempt left pending (its writer died or never learnt Vault's answer) against Vault.</summary>
    private async Task<ChangeState?> SettleAsync(IdempotentChange prior)
    {
        var settled = await reconciler.SettleOneAsync(new PendingChange(prior.Ticket, prior.Change, Now), WriteInFlight);
        if (settled == ChangeState.Committed)
        {
            Know(null); // Vault holds a version this activation may not know
        }

        return settled;
    }

    /// <summary>The committed first attempt's answer: 204 for a delete, else the config at the version it wrote.</summary>
    private async Task<ConfigResult> RepeatAsync(IdempotentChange prior, string? value, CancellationToken cancellationToken)
    {
        if (prior.Change.Action == ChangeAction.Deleted)
        {
            return new ConfigResult(ConfigOutcome.Ok);
        }

        if (prior.Superseded)
        {
            return ConfigResult.Fail(ConfigOutcome.IdempotencyKeySuperseded, ConfigMessages.IdempotencyKeySuperseded);
        }

        var read = await store.ReadAsync(_address, prior.Change.NewVersion, cancellationToken);
        return read.Outcome switch
        {
            StoreOutcome.Ok when read.Value!.Value != value =>
                ConfigResult.Fail(ConfigOutcome.IdempotencyKeyReused, ConfigMessages.IdempotencyKeyReused),
            StoreOutcome.Ok => new ConfigResult(
                prior.Change.Action == ChangeAction.Created ? ConfigOutcome.Created : ConfigOutcome.Ok, ToEntry(read.Value!)),
            StoreOutcome.NotFound or StoreOutcome.NotAConfig =>
                ConfigResult.Fail(ConfigOutcome.IdempotencyKeySuperseded, ConfigMessages.IdempotencyKeySuperseded),
            _ => ConfigResult.Fail(ConfigOutcome.VaultUnavailable, ConfigMessages.VaultUnavailableOnWrite(OperationOf(prior.Change.Action))),
        };
    }
}
