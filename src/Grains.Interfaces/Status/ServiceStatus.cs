namespace ConfigCluster.Grains.Interfaces.Status;

/// <summary>
/// What GET /api/v1/config/status reports (decision 7), with how the silo authenticates to Vault and its token's
/// remaining TTL in seconds (0: it does not expire; null when unknown).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ServiceStatus")]
public sealed record ServiceStatus(
    [property: Id(0)] bool VaultEnabled,
    [property: Id(1)] string MountPoint,
    [property: Id(2)] int KvVersion,
    [property: Id(3)] IReadOnlyList<DependencyStatus> Dependencies,
    [property: Id(4)] string? VaultAuthMethod = null,
    [property: Id(5)] long? VaultTokenTtlSeconds = null);
