using System.Globalization;
using System.Text.Json.Nodes;
using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// Operations on a KV v2 mount (by default <see cref="VaultOptions.MountPoint"/>), vault-kv-contract §3.
/// Never throws for Vault or network trouble: every call ends in a <see cref="VaultOutcome"/>. Passing
/// <see cref="KvPath.Root"/> where a key is needed, or a negative version, is a bug and throws.
/// </summary>
public sealed class VaultKv2Client
{
    private readonly VaultTransport _transport;
    private readonly string _mount;

    internal VaultKv2Client(VaultTransport transport, string? mountPoint = null)
    {
        _transport = transport;
        MountPoint = (mountPoint ?? transport.Options.MountPoint).Trim('/');
        _mount = VaultMountPoint.Escape(MountPoint);
    }

    /// <summary>The mount this client works on, without surrounding slashes.</summary>
    public string MountPoint { get; }

    private ILogger Logger => _transport.Logger;

    /// <summary>A client for another KV v2 mount over the same connection.</summary>
    public VaultKv2Client WithMount(string mountPoint) => new(_transport, mountPoint);

    /// <summary>
    /// Reads the current (or the given) version. VersionDeleted/VersionDestroyed carry a <see cref="KvSecret"/>
    /// whose Data is null and whose Metadata is set; a missing key or version is NotFound.
    /// </summary>
    public async Task<VaultResult<KvSecret>> ReadAsync(KvPath path, long? version = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version ?? 0, nameof(version));
        var query = version is > 0 ? "version=" + version.Value.ToString(CultureInfo.InvariantCulture) : null;
        var response = await SendAsync(VaultRequest.Read(KeyPath("data", path), query), ct).ConfigureAwait(false);
        var readable = KvResponseParser.TryParseSecret(response, out var secret);
        if (response.IsSuccess)
        {
            return !readable ? response.Unreadable<KvSecret>(Logger)
                : IsGone(secret) ? Gone(response, secret, secret.Metadata)
                : response.ToSuccess(secret, Logger);
        }

        return response.Status == 404 && readable ? Gone(response, secret, secret.Metadata) : response.ToFailure<KvSecret>(Logger);
    }

    /// <summary>Writes a new version; <paramref name="cas"/> 0 means create-only, N means "only if current is N".</summary>
    public async Task<VaultResult<KvVersionMetadata>> WriteAsync(KvPath path, JsonObject data, long? cas = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var request = VaultRequest.Post(KeyPath("data", path), VaultJsonBodies.DataWithCas(data, cas));
        return VersionResult(await SendAsync(request, ct).ConfigureAwait(false));
    }

    /// <summary>JSON-merge-patches the current version into a new one. A missing key is NotFound; a deleted current version is VersionDeleted.</summary>
    public async Task<VaultResult<KvVersionMetadata>> PatchAsync(KvPath path, JsonObject patch, long? cas = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var request = VaultRequest.Patch(KeyPath("data", path), VaultJsonBodies.DataWithCas(patch, cas));
        return VersionResult(await SendAsync(request, ct).ConfigureAwait(false));
    }

    public async Task<VaultResult<KvMetadata>> ReadMetadataAsync(KvPath path, CancellationToken ct = default) =>
        (await SendAsync(VaultRequest.Read(KeyPath("metadata", path)), ct).ConfigureAwait(false))
            .ToResult<KvMetadata>(KvResponseParser.TryParseMetadata, Logger);

    /// <summary>Sets the given metadata fields (creating the metadata if needed). Warnings such as an ignored cas_required come back in the result.</summary>
    public async Task<VaultResult> WriteMetadataAsync(KvPath path, KvMetadataUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var request = VaultRequest.Post(KeyPath("metadata", path), VaultJsonBodies.Metadata(update));
        return (await SendAsync(request, ct).ConfigureAwait(false)).ToResult(Logger);
    }

    /// <summary>Removes the key's metadata and every version permanently. Ok also when the key did not exist.</summary>
    public async Task<VaultResult> DeleteMetadataAsync(KvPath path, CancellationToken ct = default) =>
        (await SendAsync(VaultRequest.Delete(KeyPath("metadata", path)), ct).ConfigureAwait(false)).ToResult(Logger);

    /// <summary>Soft-deletes the current version. Ok also when the key does not exist.</summary>
    public async Task<VaultResult> DeleteLatestAsync(KvPath path, CancellationToken ct = default) =>
        (await SendAsync(VaultRequest.Delete(KeyPath("data", path)), ct).ConfigureAwait(false)).ToResult(Logger);

    public Task<VaultResult> DeleteVersionsAsync(KvPath path, IReadOnlyCollection<long> versions, CancellationToken ct = default) =>
        VersionsAsync("delete", path, versions, ct);

    public Task<VaultResult> UndeleteVersionsAsync(KvPath path, IReadOnlyCollection<long> versions, CancellationToken ct = default) =>
        VersionsAsync("undelete", path, versions, ct);

    /// <summary>Irreversibly destroys the data of the given versions.</summary>
    public Task<VaultResult> DestroyVersionsAsync(KvPath path, IReadOnlyCollection<long> versions, CancellationToken ct = default) =>
        VersionsAsync("destroy", path, versions, ct);

    /// <summary>Immediate children of a folder (sub-folders end with <c>/</c>); an empty or missing folder is Ok with no keys.</summary>
    public async Task<VaultResult<IReadOnlyList<string>>> ListAsync(KvPath folder, CancellationToken ct = default)
    {
        var path = folder.IsRoot ? $"{_mount}/metadata" : $"{_mount}/metadata/{folder}";
        var response = await SendAsync(VaultRequest.Read(path, "list=true"), ct).ConfigureAwait(false);
        return KvListResults.From(response, Logger);
    }

    /// <summary>The mount's own settings (<c>{mount}/config</c>): mount-wide max_versions, cas_required, delete_version_after.</summary>
    public async Task<VaultResult<KvMountConfig>> ReadMountConfigAsync(CancellationToken ct = default) =>
        (await SendAsync(VaultRequest.Read($"{_mount}/config"), ct).ConfigureAwait(false))
            .ToResult<KvMountConfig>(KvResponseParser.TryParseMountConfig, Logger);

    private async Task<VaultResult> VersionsAsync(string verb, KvPath path, IReadOnlyCollection<long> versions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var keyPath = KeyPath(verb, path);
        if (versions.Count == 0)
        {
            return VaultResult.Failure(VaultOutcome.Rejected, "no version number provided");
        }

        var response = await SendAsync(VaultRequest.Post(keyPath, VaultJsonBodies.Versions(versions)), ct).ConfigureAwait(false);
        return response.ToResult(Logger);
    }

    private VaultResult<KvVersionMetadata> VersionResult(VaultResponse response)
    {
        var readable = KvResponseParser.TryParseVersion(response, out var version);
        if (response.IsSuccess)
        {
            // A 204 (never sent by current Vault for these calls) is success without a version to report.
            return readable || response.Status == 204 ? response.ToSuccess<KvVersionMetadata>(version, Logger) : response.Unreadable<KvVersionMetadata>(Logger);
        }

        return response.Status == 404 && readable ? Gone(response, version, version) : response.ToFailure<KvVersionMetadata>(Logger);
    }

    /// <summary>200 without data: older Vault answered deleted/destroyed versions this way instead of a 404.</summary>
    private static bool IsGone(KvSecret secret) =>
        secret.Data is null && (secret.Metadata.Destroyed || secret.Metadata.DeletionTime <= DateTimeOffset.UtcNow);

    private VaultResult<T> Gone<T>(VaultResponse response, T value, KvVersionMetadata metadata)
    {
        var outcome = metadata.Destroyed ? VaultOutcome.VersionDestroyed : VaultOutcome.VersionDeleted;
        Logger.Outcome(response.Request.Method.Method, response.Request.Path, outcome, response.Status);
        var what = metadata.Destroyed ? "destroyed" : "deleted";
        return new VaultResult<T>(outcome, value, $"version {metadata.Version} is {what}", response.Status);
    }

    private string KeyPath(string verb, KvPath path)
    {
        if (path.IsRoot)
        {
            throw new ArgumentException("A key path is required; the mount root can only be listed.", nameof(path));
        }

        return $"{_mount}/{verb}/{path}";
    }

    private Task<VaultResponse> SendAsync(VaultRequest request, CancellationToken ct) => _transport.SendAsync(request, ct);
}
