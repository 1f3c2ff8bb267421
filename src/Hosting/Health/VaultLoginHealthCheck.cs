using ConfigCluster.Vault.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Hosting.Health;

/// <summary>
/// Part of readiness: a silo whose Vault login was refused and that holds no token cannot serve anything Vault holds,
/// and says why (e.g. "approle login at auth/approle/login refused (400): invalid role or secret ID"). A silo holding a
/// token, or whose login only found Vault unreachable, stays ready while Vault is away: that is the Vault dependency check's business, outside readiness.
/// Asks nothing of Vault: it reads what the client's last login left.
/// </summary>
internal sealed class VaultLoginHealthCheck(VaultSysClient? vault = null) : IHealthCheck
{
    public const string Name = "vault-login";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(vault?.AuthStatus is { HasToken: false, Refused: true, Problem: { } problem }
            ? HealthCheckResult.Unhealthy($"Vault login failed: {problem}")
            : HealthCheckResult.Healthy("logged in"));
}
