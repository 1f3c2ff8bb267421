using System.Collections.Immutable;
using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// One service's instances as a silo holds them (immutable, ordered by instance id) and the service's index: the
/// registry index of its last change, which moves on every registration, status change and removal.
/// </summary>
public sealed class ServiceInstances(string service, long index, ImmutableArray<RegistryInstance> instances)
{
    public string Service { get; } = service;

    public long Index { get; } = index;

    public ImmutableArray<RegistryInstance> Instances { get; } = instances;

    public static ServiceInstances Of(string service, long index, IEnumerable<RegistryInstance> instances) =>
        new(service, index, [.. instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal)]);

    /// <summary>With <paramref name="instance"/> put in, unless what is held of it is as new or newer.</summary>
    public ServiceInstances With(RegistryInstance instance)
    {
        var at = Find(instance.InstanceId);
        if (at >= 0 && Instances[at].Index >= instance.Index)
        {
            return this;
        }

        var instances = at >= 0 ? Instances.SetItem(at, instance) : Instances.Insert(~at, instance);
        return new ServiceInstances(Service, Math.Max(Index, instance.Index), instances);
    }

    /// <summary>Without the instance, removed at <paramref name="index"/>, unless what is held of it is newer.</summary>
    public ServiceInstances Without(string instanceId, long index)
    {
        var at = Find(instanceId);
        if (at < 0 || Instances[at].Index > index)
        {
            return index > Index ? new ServiceInstances(Service, index, Instances) : this;
        }

        return new ServiceInstances(Service, Math.Max(Index, index), Instances.RemoveAt(at));
    }

    /// <summary>The position of the instance, or the complement of where it would go.</summary>
    private int Find(string instanceId)
    {
        int low = 0, high = Instances.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(Instances[middle].InstanceId, instanceId);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return ~low;
    }
}
