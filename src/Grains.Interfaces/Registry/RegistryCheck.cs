namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// An instance's health check. A TTL check has <see cref="Ttl"/>; an HTTP check <see cref="Path"/> (on the
/// instance's own address, port and scheme; never another host), <see cref="Interval"/>, <see cref="Timeout"/> and
/// optionally the statuses that pass (<see cref="ExpectedStatuses"/>; none: any 2xx passes and 429 warns); a TCP
/// check its interval and timeout. A status changes after <see cref="SuccessBeforePassing"/> consecutive passing
/// results or <see cref="FailuresBeforeCritical"/> consecutive critical ones (null: the silo's defaults).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.RegistryCheck")]
public sealed record RegistryCheck(
    [property: Id(0)] RegistryCheckType Type,
    [property: Id(1)] TimeSpan? Ttl = null,
    [property: Id(2)] string? Path = null,
    [property: Id(3)] TimeSpan? Interval = null,
    [property: Id(4)] TimeSpan? Timeout = null,
    [property: Id(5)] IReadOnlyList<int>? ExpectedStatuses = null,
    [property: Id(6)] int? SuccessBeforePassing = null,
    [property: Id(7)] int? FailuresBeforeCritical = null)
{
    public bool Equals(RegistryCheck? other) =>
        other is not null && Type == other.Type && Ttl == other.Ttl && Path == other.Path && Interval == other.Interval &&
        Timeout == other.Timeout && SuccessBeforePassing == other.SuccessBeforePassing &&
        FailuresBeforeCritical == other.FailuresBeforeCritical &&
        (ExpectedStatuses ?? []).SequenceEqual(other.ExpectedStatuses ?? []);

    public override int GetHashCode() => HashCode.Combine(Type, Ttl, Path, Interval, Timeout);
}
