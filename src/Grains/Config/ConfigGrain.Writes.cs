using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>Validation, failed writes and retention for <see cref="ConfigGrain"/>.</summary>
internal sealed partial class ConfigGrain
{
    private static ConfigResult? Validate(ConfigChange change) =>
        ConfigValueLimits.Check(change.Value) is { } problem
            ? ConfigResult.Fail(ConfigOutcome.Invalid, problem.Message)
            : null;

    /// <summary>
    /// Maps a refused or failed write. The grain forgets what it knew: after a timeout the write may
    /// or may not have happened, and after a conflict Vault holds something newer.
    /// </summary>
    private ConfigResult WriteFailed(string operation, StoreOutcome outcome, string? detail, long expectedVersion)
    {
        Know(null);
        switch (outcome)
        {
            case StoreOutcome.Conflict:
                LogChangedOutside(operation, _address.Path, expectedVersion);
                return ConfigResult.Fail(ConfigOutcome.ChangedOutsideService, ConfigMessages.ChangedOutsideService);
            case StoreOutcome.NotFound:
                return ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotFound);
            case StoreOutcome.Indeterminate:
                LogVaultUnavailable(operation, _address.Path, detail);
                return ConfigResult.Fail(ConfigOutcome.OutcomeUnknown, ConfigMessages.OutcomeUnknownOnWrite(operation));
            default:
                LogVaultUnavailable(operation, _address.Path, detail);
                return ConfigResult.Fail(ConfigOutcome.VaultUnavailable, ConfigMessages.VaultUnavailableOnWrite(operation));
        }
    }

    /// <summary>
    /// Sets max_versions on a secret this service created. A failure does not undo the acknowledged
    /// create; the grain tries again after its next write.
    /// </summary>
    private async Task ApplyRetentionIfPendingAsync(CancellationToken cancellationToken)
    {
        if (!_retentionPending)
        {
            return;
        }

        var result = await store.SetMaxVersionsAsync(_address, _options.MaxVersions, cancellationToken);
        _retentionPending = !result.IsOk;
        if (_retentionPending)
        {
            LogRetentionPending(_address.Path, result.Detail);
        }
    }
}
