using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Ports.Registry;

/// <summary>
/// Instances as read together, and the index of each service read (a service whose last instance is gone keeps its
/// index, so a watcher of it still sees the removal).
/// </summary>
public sealed record RegistryListing(IReadOnlyList<RegistryInstance> Instances, IReadOnlyDictionary<string, long> ServiceIndexes);
