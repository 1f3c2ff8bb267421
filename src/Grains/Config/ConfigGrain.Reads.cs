using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>How <see cref="ConfigGrain"/> reads Vault and remembers what it saw.</summary>
internal sealed partial class ConfigGrain
{
    private async Task<ConfigResult> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        var read = _snapshot is { Exists: true } known
            ? await store.RereadAsync(_address, new KnownVersion(known.Version, known.CreatedAt, known.UpdatedAt), cancellationToken)
            : await store.ReadAsync(_address, version: null, cancellationToken);
        switch (read.Outcome)
        {
            case StoreOutcome.Ok:
                RememberRead(read.Value!);
                await FillSharedCacheAsync(read.Value!, cancellationToken);
                return ConfigResult.Found(ToEntry(read.Value!));
            case StoreOutcome.NotFound:
                Know(ConfigSnapshot.Absent(Now));
                return ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotFound);
            case StoreOutcome.NotAConfig:
                Know(null);
                return ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotAConfig);
            default:
                return ConfigResult.Fail(ConfigOutcome.VaultUnavailable, ConfigMessages.VaultUnavailableOnRead);
        }
    }

    private async Task<ConfigResult> ReadVersionAsync(long version, CancellationToken cancellationToken)
    {
        if (version < 1)
        {
            return ConfigResult.Fail(ConfigOutcome.Invalid, "'version' must be a positive integer.");
        }

        var read = await store.ReadAsync(_address, version, cancellationToken);
        return read.Outcome switch
        {
            StoreOutcome.Ok => ConfigResult.Found(ToEntry(read.Value!)),
            StoreOutcome.NotFound => ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.VersionNotFound),
            StoreOutcome.NotAConfig => ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotAConfig),
            _ => ConfigResult.Fail(ConfigOutcome.VaultUnavailable, ConfigMessages.VaultUnavailableOnRead),
        };
    }

    /// <summary>
    /// The state a write is conditional on. What the grain last saw serves even when stale: if Vault
    /// moved on since, the check-and-set refuses the write. Only an unknown or absent config is re-read.
    /// </summary>
    private async Task<(ConfigSnapshot? Current, ConfigResult? Failure)> CurrentForWriteAsync(
        string operation, CancellationToken cancellationToken)
    {
        if (_snapshot is { Exists: true } known)
        {
            return (known, null);
        }

        var read = await store.ReadAsync(_address, version: null, cancellationToken);
        switch (read.Outcome)
        {
            case StoreOutcome.Ok:
                RememberRead(read.Value!);
                return (_snapshot, null);
            case StoreOutcome.NotFound:
                Know(ConfigSnapshot.Absent(Now));
                return (null, ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotFound));
            case StoreOutcome.NotAConfig:
                return (null, ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NotAConfig));
            default:
                LogVaultUnavailable(operation, _address.Path, read.Detail);
                return (null, ConfigResult.Fail(ConfigOutcome.VaultUnavailable, ConfigMessages.VaultUnavailableOnWrite(operation)));
        }
    }

    /// <summary>
    /// Keeps a read unless an interleaved read already brought a newer version. A read of what the grain
    /// already holds (a TTL renewal, mostly) keeps the same answer, seen again now.
    /// </summary>
    private void RememberRead(StoredConfig stored)
    {
        if (_snapshot is { Exists: true } known && known.Version > stored.Version)
        {
            return;
        }

        Know(_snapshot is { } held && held.Holds(stored) ? held.SeenAgainAt(Now) : ConfigSnapshot.Of(stored, Now));
    }

    private ConfigEntry Remember(string value, bool isEncrypted, StoredWrite written, DateTimeOffset createdAt)
    {
        var stored = new StoredConfig(value, isEncrypted, written.Version, createdAt, written.WrittenAt);
        Know(ConfigSnapshot.Of(stored, Now));
        return ToEntry(stored);
    }

    private ConfigEntry ToEntry(StoredConfig stored) =>
        new(_address, stored.Value, stored.IsEncrypted, stored.Version, stored.CreatedAt, stored.UpdatedAt);
}
