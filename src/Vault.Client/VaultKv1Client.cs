using System.Text.Json.Nodes;
using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// Operations on a KV v1 mount (by default <see cref="VaultOptions.MountPoint"/>): unversioned secrets at
/// <c>{mount}/{key}</c>. Never throws for Vault or network trouble; <see cref="KvPath.Root"/> as a key throws.
/// </summary>
public sealed class VaultKv1Client
{
    private readonly VaultTransport _transport;
    private readonly string _mount;

    internal VaultKv1Client(VaultTransport transport, string? mountPoint = null)
    {
        _transport = transport;
        MountPoint = (mountPoint ?? transport.Options.MountPoint).Trim('/');
        _mount = VaultMountPoint.Escape(MountPoint);
    }

    /// <summary>The mount this client works on, without surrounding slashes.</summary>
    public string MountPoint { get; }

    private ILogger Logger => _transport.Logger;

    /// <summary>A client for another KV v1 mount over the same connection.</summary>
    public VaultKv1Client WithMount(string mountPoint) => new(_transport, mountPoint);

    /// <summary>The secret's fields; NotFound when there is no secret at the path.</summary>
    public async Task<VaultResult<JsonObject>> ReadAsync(KvPath path, CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(VaultRequest.Read(KeyPath(path)), ct).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.ToFailure<JsonObject>(Logger);
        }

        return response.TryGetJson(out var root) && VaultEnvelope.TryGetData(root, out var data)
            ? response.ToSuccess(JsonObject.Create(data)!, Logger)
            : response.Unreadable<JsonObject>(Logger);
    }

    /// <summary>Replaces the secret with <paramref name="data"/> (KV v1 has no versions and no check-and-set).</summary>
    public async Task<VaultResult> WriteAsync(KvPath path, JsonObject data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var request = VaultRequest.Post(KeyPath(path), VaultJsonBodies.Object(data));
        return (await _transport.SendAsync(request, ct).ConfigureAwait(false)).ToResult(Logger);
    }

    /// <summary>Deletes the secret; Ok also when it did not exist.</summary>
    public async Task<VaultResult> DeleteAsync(KvPath path, CancellationToken ct = default) =>
        (await _transport.SendAsync(VaultRequest.Delete(KeyPath(path)), ct).ConfigureAwait(false)).ToResult(Logger);

    /// <summary>Immediate children of a folder (sub-folders end with <c>/</c>); an empty or missing folder is Ok with no keys.</summary>
    public async Task<VaultResult<IReadOnlyList<string>>> ListAsync(KvPath folder, CancellationToken ct = default)
    {
        var path = folder.IsRoot ? _mount : $"{_mount}/{folder}";
        var response = await _transport.SendAsync(VaultRequest.Read(path, "list=true"), ct).ConfigureAwait(false);
        return KvListResults.From(response, Logger);
    }

    private string KeyPath(KvPath path)
    {
        if (path.IsRoot)
        {
            throw new ArgumentException("A key path is required; the mount root can only be listed.", nameof(path));
        }

        return $"{_mount}/{path}";
    }
}
