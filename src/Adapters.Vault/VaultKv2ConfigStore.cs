using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Vault;

/// <summary>
/// Configs in a KV v2 mount. Versions are Vault's; writes use check-and-set on the expected version;
/// created_at is the secret's creation time from its metadata.
/// </summary>
internal sealed class VaultKv2ConfigStore(VaultKv2Client kv, VaultSysClient sys, IOptions<VaultOptions> options)
    : IConfigStore
{
    public async Task<StoreResult<StoredConfig>> ReadAsync(
        ConfigAddress address, long? version, CancellationToken cancellationToken)
    {
        var path = VaultPaths.Of(address);
        var dataTask = kv.ReadAsync(path, version, cancellationToken);
        var metadataTask = kv.ReadMetadataAsync(path, cancellationToken);
        var data = await dataTask;
        var metadata = await metadataTask;
        if (!data.IsOk)
        {
            return Fail<StoredConfig>(data.Outcome, data.HttpStatus, data.Error);
        }

        var secret = data.Value!;
        if (!ConfigSecretData.TryRead(secret.Data, out var value, out var isEncrypted))
        {
            return StoreResult<StoredConfig>.Fail(StoreOutcome.NotAConfig);
        }

        // A token that may read data but not metadata still gets the config; created_at then falls back.
        var createdAt = metadata.IsOk ? metadata.Value!.CreatedTime : secret.Metadata.CreatedTime;
        return StoreResult<StoredConfig>.Ok(new StoredConfig(
            value, isEncrypted, secret.Metadata.Version, createdAt, secret.Metadata.CreatedTime));
    }

    /// <summary>
    /// One read of the data instead of data and metadata (an encrypted GET reads Vault every time; a plain
    /// config rereads it when its TTL is up): when Vault still holds the known version, same number and
    /// same creation time, the version is the one read before and so is the secret's created_at. A secret
    /// deleted and written again outside the service has new creation times, and is read in full.
    /// </summary>
    public async Task<StoreResult<StoredConfig>> RereadAsync(ConfigAddress address, KnownVersion known, CancellationToken cancellationToken)
    {
        var data = await kv.ReadAsync(VaultPaths.Of(address), null, cancellationToken);
        if (!data.IsOk)
        {
            return Fail<StoredConfig>(data.Outcome, data.HttpStatus, data.Error);
        }

        var secret = data.Value!;
        if (secret.Metadata.Version != known.Version || secret.Metadata.CreatedTime != known.UpdatedAt)
        {
            return await ReadAsync(address, version: null, cancellationToken);
        }

        return ConfigSecretData.TryRead(secret.Data, out var value, out var isEncrypted)
            ? StoreResult<StoredConfig>.Ok(new StoredConfig(value, isEncrypted, known.Version, known.CreatedAt, known.UpdatedAt))
            : StoreResult<StoredConfig>.Fail(StoreOutcome.NotAConfig);
    }

    public async Task<StoreResult<StoredWrite>> WriteAsync(
        ConfigAddress address, string value, bool isEncrypted, long expectedVersion, CancellationToken cancellationToken)
    {
        var written = await kv.WriteAsync(
            VaultPaths.Of(address), ConfigSecretData.Create(value, isEncrypted), expectedVersion, cancellationToken);
        return written.IsOk
            ? StoreResult<StoredWrite>.Ok(new StoredWrite(written.Value!.Version, written.Value.CreatedTime))
            : FailWrite<StoredWrite>(written.Outcome, written.HttpStatus, written.Error);
    }

    public async Task<StoreResult<bool>> DeleteAsync(
        ConfigAddress address, long expectedVersion, CancellationToken cancellationToken)
    {
        var path = VaultPaths.Of(address);
        var metadata = await kv.ReadMetadataAsync(path, cancellationToken);
        if (!metadata.IsOk)
        {
            return Fail<bool>(metadata.Outcome, metadata.HttpStatus, metadata.Error);
        }

        // KV v2 has no check-and-set on delete: compare first. The grain serializes our own writes,
        // so only a concurrent change made outside the service can slip between the two calls.
        if (metadata.Value!.CurrentVersion != expectedVersion)
        {
            return StoreResult<bool>.Fail(StoreOutcome.Conflict);
        }

        var deleted = await kv.DeleteMetadataAsync(path, cancellationToken);
        return deleted.IsOk ? StoreResult<bool>.Ok(true) : FailWrite<bool>(deleted.Outcome, deleted.HttpStatus, deleted.Error);
    }

    public async Task<StoreResult<bool>> SetMaxVersionsAsync(
        ConfigAddress address, int maxVersions, CancellationToken cancellationToken)
    {
        var result = await kv.WriteMetadataAsync(
            VaultPaths.Of(address), new KvMetadataUpdate(MaxVersions: maxVersions), cancellationToken);
        return result.IsOk ? StoreResult<bool>.Ok(true) : Fail<bool>(result.Outcome, result.HttpStatus, result.Error);
    }

    public Task<StoreResult<IReadOnlyList<ConfigAddress>>> ListAsync(
        string environment, string? serviceName, CancellationToken cancellationToken) =>
        VaultConfigListing.ListAsync(kv.ListAsync, environment, serviceName, cancellationToken);

    public async Task<StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>> ReadVersionsAsync(
        ConfigAddress address, CancellationToken cancellationToken)
    {
        var metadata = await kv.ReadMetadataAsync(VaultPaths.Of(address), cancellationToken);
        if (!metadata.IsOk)
        {
            return Fail<IReadOnlyDictionary<long, StoredVersionInfo>>(metadata.Outcome, metadata.HttpStatus, metadata.Error);
        }

        IReadOnlyDictionary<long, StoredVersionInfo> versions = metadata.Value!.Versions.ToDictionary(
            v => v.Key, v => new StoredVersionInfo(v.Key, v.Value.CreatedTime, v.Value.DeletionTime, v.Value.Destroyed));
        return StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>.Ok(versions);
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await sys.CheckConnectionAsync(cancellationToken);
        return new StoreStatus(connection.Connected, options.Value.MountPoint, 2, connection.Problem,
            connection.AuthMethodName, connection.TokenTtlSeconds);
    }

    private static StoreResult<T> FailWrite<T>(VaultOutcome outcome, int? httpStatus, string? error) =>
        StoreResult<T>.Fail(VaultOutcomes.ToStoreWrite(outcome, httpStatus, error), VaultOutcomes.Describe(outcome, httpStatus, error));

    private static StoreResult<T> Fail<T>(VaultOutcome outcome, int? httpStatus, string? error) =>
        StoreResult<T>.Fail(VaultOutcomes.ToStore(outcome), VaultOutcomes.Describe(outcome, httpStatus, error));
}
