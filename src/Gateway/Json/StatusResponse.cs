using ConfigCluster.Grains.Interfaces.Status;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// GET /api/v1/config/status (decision 7): <c>vault_enabled</c>, the mount and KV version, and
/// the state (<c>up</c>, <c>down</c> or <c>disabled</c>) of every dependency, <c>vault_auth_method</c> and
/// <c>vault_token_ttl_seconds</c> (the silo's token's remaining TTL; 0 when it does not expire; never the token).
/// </summary>
public sealed record StatusResponse(
    bool VaultEnabled,
    string VaultMountPoint,
    int VaultKvVersion,
    string Vault,
    string Redis,
    string Kafka,
    string Postgresql,
    IReadOnlyDictionary<string, DependencyResponse> Dependencies,
    string? VaultAuthMethod,
    long? VaultTokenTtlSeconds)
{
    public static StatusResponse From(ServiceStatus status)
    {
        var byName = status.Dependencies.ToDictionary(
            d => d.Name, d => new DependencyResponse(d.State.ToString().ToLowerInvariant(), d.Detail));
        string StateOf(string name) => byName.TryGetValue(name, out var d) ? d.State : "disabled";
        return new StatusResponse(status.VaultEnabled, status.MountPoint, status.KvVersion,
            StateOf("vault"), StateOf("redis"), StateOf("kafka"), StateOf("postgresql"), byName,
            status.VaultAuthMethod, status.VaultTokenTtlSeconds);
    }
}
