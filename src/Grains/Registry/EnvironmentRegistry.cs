using System.Collections.Immutable;
using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>The services of one environment as a silo holds them (immutable; a change makes a new one).</summary>
public sealed class EnvironmentRegistry(string environment, ImmutableDictionary<string, ServiceInstances> services)
{
    public string Environment { get; } = environment;

    public ImmutableDictionary<string, ServiceInstances> Services { get; } = services;

    public static EnvironmentRegistry Of(string environment, IReadOnlyList<RegistryInstance> instances, IReadOnlyDictionary<string, long> indexes)
    {
        var services = ImmutableDictionary.CreateBuilder<string, ServiceInstances>(StringComparer.Ordinal);
        foreach (var group in instances.GroupBy(i => i.Service, StringComparer.Ordinal))
        {
            services[group.Key] = ServiceInstances.Of(group.Key, indexes.GetValueOrDefault(group.Key, group.Max(i => i.Index)), group);
        }

        foreach (var (service, index) in indexes)
        {
            services.TryAdd(service, ServiceInstances.Of(service, index, []));
        }

        return new EnvironmentRegistry(environment, services.ToImmutable());
    }

    /// <summary>The service's instances; an empty entry at index 0 for a service never registered.</summary>
    public ServiceInstances Service(string service) => Services.TryGetValue(service, out var held) ? held : ServiceInstances.Of(service, 0, []);

    public EnvironmentRegistry With(ServiceInstances service) =>
        Services.TryGetValue(service.Service, out var held) && held.Index > service.Index
            ? this
            : new EnvironmentRegistry(Environment, Services.SetItem(service.Service, service));
}
