using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// Health, token self-service and mount discovery (vault-kv-contract §4–§6). Never throws for Vault or network
/// trouble; results never contain the token.
/// </summary>
public sealed class VaultSysClient
{
    private readonly VaultTransport _transport;

    internal VaultSysClient(VaultTransport transport) => _transport = transport;

    private ILogger Logger => _transport.Logger;

    /// <summary>How the client authenticates and whether it holds a token (no call to Vault; never the token).</summary>
    public VaultAuthStatus AuthStatus => _transport.Auth.Status;

    /// <summary>
    /// <c>GET sys/health</c> (unauthenticated, not retried). Any status that carries a health body is Ok, with
    /// <see cref="VaultHealth.HttpStatus"/> telling which (200 active, 429 standby, 503 sealed, 501 uninitialised).
    /// </summary>
    public async Task<VaultResult<VaultHealth>> HealthAsync(CancellationToken ct = default)
    {
        var request = new VaultRequest(HttpMethod.Get, "sys/health") { Authenticated = false };
        var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
        if (SysResponseParser.TryParseHealth(response, out var health))
        {
            return VaultResult<VaultHealth>.Ok(health, response.Status);
        }

        return response.IsSuccess ? response.Unreadable<VaultHealth>(Logger) : response.ToFailure<VaultHealth>(Logger);
    }

    /// <summary><c>GET auth/token/lookup-self</c>; a bad token is PermissionDenied with <see cref="VaultResult{T}.IsInvalidToken"/> on current Vault.</summary>
    public async Task<VaultResult<VaultTokenInfo>> LookupSelfAsync(CancellationToken ct = default) =>
        (await _transport.SendAsync(VaultRequest.Read("auth/token/lookup-self"), ct).ConfigureAwait(false))
            .ToResult<VaultTokenInfo>(SysResponseParser.TryParseTokenInfo, Logger);

    /// <summary><c>POST auth/token/renew-self</c> (not retried, not sent again with a new token). A capped renewal is Ok with Vault's warning.</summary>
    public async Task<VaultResult<VaultTokenRenewal>> RenewSelfAsync(TimeSpan? increment = null, CancellationToken ct = default) =>
        (await _transport.SendAsync(VaultRequest.Post("auth/token/renew-self", VaultJsonBodies.RenewIncrement(increment)) with { SentAgainWithNewToken = false }, ct).ConfigureAwait(false))
            .ToResult<VaultTokenRenewal>(SysResponseParser.TryParseRenewal, Logger);

    /// <summary>
    /// The mount enclosing <paramref name="path"/> via <c>sys/internal/ui/mounts</c>. 403 (no such mount, or no
    /// access below it) is PermissionDenied: the version is then unknown, not v1. An invalid path throws.
    /// </summary>
    public async Task<VaultResult<VaultMountInfo>> ReadMountAsync(string path, CancellationToken ct = default)
    {
        var request = VaultRequest.Read("sys/internal/ui/mounts/" + VaultMountPoint.Escape(path));
        return (await _transport.SendAsync(request, ct).ConfigureAwait(false))
            .ToResult<VaultMountInfo>(SysResponseParser.TryParseMount, Logger);
    }

    /// <summary><c>GET sys/mounts</c> (needs read on sys/mounts): every secrets engine, sorted by path.</summary>
    public async Task<VaultResult<IReadOnlyList<VaultMountInfo>>> ListMountsAsync(CancellationToken ct = default) =>
        (await _transport.SendAsync(VaultRequest.Read("sys/mounts"), ct).ConfigureAwait(false))
            .ToResult<IReadOnlyList<VaultMountInfo>>(SysResponseParser.TryParseMounts, Logger);

    /// <summary>True when Vault is initialised and unsealed (active, or a standby that forwards) and the token is accepted.</summary>
    public async Task<bool> IsConnectedAsync(CancellationToken ct = default) => (await CheckConnectionAsync(ct).ConfigureAwait(false)).Connected;

    /// <summary>
    /// As <see cref="IsConnectedAsync"/>, with why not, the auth method and the token's remaining TTL (from lookup-self):
    /// what a status page shows.
    /// </summary>
    public async Task<VaultConnection> CheckConnectionAsync(CancellationToken ct = default)
    {
        var method = _transport.Auth.Method;
        var health = await HealthAsync(ct).ConfigureAwait(false);
        if (!health.IsOk || !health.Value!.IsServing)
        {
            var reason = health.IsOk ? (health.Value!.Sealed ? "Vault is sealed" : "Vault is not initialised") : $"Vault is not reachable ({health.Error})";
            Logger.NotConnected(reason);
            return new VaultConnection(false, reason, method, null);
        }

        var self = await LookupSelfAsync(ct).ConfigureAwait(false);
        if (self.IsOk)
        {
            return new VaultConnection(true, null, method, self.Value!.Ttl);
        }

        var problem = AuthStatus.Problem is { } login ? $"Vault login failed: {login}" : $"Vault refused the token ({self.Outcome})";
        Logger.NotConnected(problem);
        return new VaultConnection(false, problem, method, null);
    }
}
