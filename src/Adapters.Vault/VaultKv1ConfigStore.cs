using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Vault;

/// <summary>
/// Configs in a KV v1 mount (VAULT_KV_VERSION=1). KV v1 keeps no versions and no metadata: the
/// version is always reported as 1 (decision 14), and the service keeps created_at/updated_at
/// beside value and is_encrypted in the secret so that it can report them. Check-and-set is
/// emulated with a read before the write; the config grain serializes the service's own writes.
/// </summary>
internal sealed class VaultKv1ConfigStore(VaultKv1Client kv, VaultSysClient sys, IOptions<VaultOptions> options, TimeProvider time)
    : IConfigStore
{
    private const long OnlyVersion = 1;
    private const string CreatedAtField = "created_at";
    private const string UpdatedAtField = "updated_at";

    public async Task<StoreResult<StoredConfig>> ReadAsync(ConfigAddress address, long? version, CancellationToken cancellationToken)
    {
        if (version is { } v && v != OnlyVersion)
        {
            return StoreResult<StoredConfig>.Fail(StoreOutcome.NotFound);
        }

        var read = await kv.ReadAsync(VaultPaths.Of(address), cancellationToken);
        if (!read.IsOk)
        {
            return StoreResult<StoredConfig>.Fail(VaultOutcomes.ToStore(read.Outcome), VaultOutcomes.Describe(read.Outcome, read.HttpStatus, read.Error));
        }

        return ConfigSecretData.TryRead(read.Value, out var value, out var isEncrypted)
            ? StoreResult<StoredConfig>.Ok(new StoredConfig(value, isEncrypted, OnlyVersion,
                TimeOf(read.Value!, CreatedAtField), TimeOf(read.Value!, UpdatedAtField)))
            : StoreResult<StoredConfig>.Fail(StoreOutcome.NotAConfig);
    }

    public async Task<StoreResult<StoredWrite>> WriteAsync(
        ConfigAddress address, string value, bool isEncrypted, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(address, null, cancellationToken);
        var exists = current.Outcome is StoreOutcome.Ok or StoreOutcome.NotAConfig;
        if (current.Outcome is not (StoreOutcome.Ok or StoreOutcome.NotFound or StoreOutcome.NotAConfig))
        {
            return StoreResult<StoredWrite>.Fail(current.Outcome, current.Detail);
        }

        if (exists != (expectedVersion == OnlyVersion))
        {
            return StoreResult<StoredWrite>.Fail(StoreOutcome.Conflict);
        }

        var now = time.GetUtcNow();
        var data = ConfigSecretData.Create(value, isEncrypted);
        data[CreatedAtField] = Format(current.IsOk ? current.Value!.CreatedAt : now);
        data[UpdatedAtField] = Format(now);
        var written = await kv.WriteAsync(VaultPaths.Of(address), data, cancellationToken);
        return written.IsOk
            ? StoreResult<StoredWrite>.Ok(new StoredWrite(OnlyVersion, now))
            : StoreResult<StoredWrite>.Fail(VaultOutcomes.ToStoreWrite(written.Outcome, written.HttpStatus, written.Error), VaultOutcomes.Describe(written.Outcome, written.HttpStatus, written.Error));
    }

    public async Task<StoreResult<bool>> DeleteAsync(ConfigAddress address, long expectedVersion, CancellationToken cancellationToken)
    {
        var deleted = await kv.DeleteAsync(VaultPaths.Of(address), cancellationToken);
        return deleted.IsOk
            ? StoreResult<bool>.Ok(true)
            : StoreResult<bool>.Fail(VaultOutcomes.ToStoreWrite(deleted.Outcome, deleted.HttpStatus, deleted.Error), VaultOutcomes.Describe(deleted.Outcome, deleted.HttpStatus, deleted.Error));
    }

    /// <summary>KV v1 keeps one version: nothing to set.</summary>
    public Task<StoreResult<bool>> SetMaxVersionsAsync(ConfigAddress address, int maxVersions, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<bool>.Ok(true));

    public Task<StoreResult<IReadOnlyList<ConfigAddress>>> ListAsync(string environment, string? serviceName, CancellationToken cancellationToken) =>
        VaultConfigListing.ListAsync(kv.ListAsync, environment, serviceName, cancellationToken);

    /// <summary>KV v1 keeps one version: the current one, when the config exists.</summary>
    public async Task<StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>> ReadVersionsAsync(
        ConfigAddress address, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(address, null, cancellationToken);
        if (!current.IsOk)
        {
            return StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>.Fail(current.Outcome, current.Detail);
        }

        IReadOnlyDictionary<long, StoredVersionInfo> versions = new Dictionary<long, StoredVersionInfo>
        {
            [OnlyVersion] = new(OnlyVersion, current.Value!.UpdatedAt, null, false),
        };
        return StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>.Ok(versions);
    }

    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await sys.CheckConnectionAsync(cancellationToken);
        return new StoreStatus(connection.Connected, options.Value.MountPoint, 1, connection.Problem,
            connection.AuthMethodName, connection.TokenTtlSeconds);
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TimeOf(JsonObject data, string field) =>
        data[field] is JsonValue v && v.TryGetValue(out string? text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : DateTimeOffset.UnixEpoch;
}
