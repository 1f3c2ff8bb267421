namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// What a registration says of an instance: where it listens, what it carries (metadata, tags, weight), how its
/// health is checked, and how long it may stay critical before it is removed. Two registrations are equal when
/// every field is, metadata and tags included (a repeated registration changes nothing).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.InstanceRegistration")]
public sealed record InstanceRegistration(
    [property: Id(0)] string Address,
    [property: Id(1)] int Port,
    [property: Id(2)] string Scheme,
    [property: Id(3)] IReadOnlyDictionary<string, string> Metadata,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] int Weight,
    [property: Id(6)] RegistryCheck Check,
    [property: Id(7)] TimeSpan DeregisterCriticalAfter)
{
    public bool Equals(InstanceRegistration? other) =>
        other is not null && Address == other.Address && Port == other.Port && Scheme == other.Scheme && Weight == other.Weight &&
        Check.Equals(other.Check) && DeregisterCriticalAfter == other.DeregisterCriticalAfter && Tags.SequenceEqual(other.Tags) &&
        Metadata.Count == other.Metadata.Count &&
        Metadata.All(m => other.Metadata.TryGetValue(m.Key, out var value) && value == m.Value);

    public override int GetHashCode() => HashCode.Combine(Address, Port, Scheme, Weight, Check);
}
