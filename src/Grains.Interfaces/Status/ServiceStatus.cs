namespace ConfigCluster.Grains.Interfaces.Status;

/// <summary>What GET /api/v1/config/status reports (decision 7).</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ServiceStatus")]
public sealed record ServiceStatus(
    [property: Id(0)] bool VaultEnabled,
    [property: Id(1)] string MountPoint,
    [property: Id(2)] int KvVersion,
    [property: Id(3)] IReadOnlyList<DependencyStatus> Dependencies);
