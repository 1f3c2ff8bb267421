namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// A registered instance as stored: its names, its registration, and what its check decided: the status, the last
/// check's output (bounded; an HTTP check's status line, never its body), when it was registered, last heard from
/// and last changed status. <see cref="Index"/> is the registry index of its last change (increasing over the
/// whole registry, as Consul's ModifyIndex).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.RegistryInstance")]
public sealed record RegistryInstance(
    [property: Id(0)] string Environment,
    [property: Id(1)] string Service,
    [property: Id(2)] string InstanceId,
    [property: Id(3)] InstanceRegistration Registration,
    [property: Id(4)] InstanceStatus Status,
    [property: Id(5)] string Output,
    [property: Id(6)] DateTimeOffset RegisteredAt,
    [property: Id(7)] DateTimeOffset? LastHeartbeatAt,
    [property: Id(8)] DateTimeOffset StatusChangedAt,
    [property: Id(9)] long Index);
