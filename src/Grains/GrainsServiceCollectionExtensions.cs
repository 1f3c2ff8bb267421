using ConfigCluster.Grains.Access;
using ConfigCluster.Grains.Changes;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Flags;
using ConfigCluster.Grains.LocalReads;
using ConfigCluster.Grains.Registry;
using ConfigCluster.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Options the grains read, validated at start. The ports are registered by the adapters; a
    /// change log and a cache that no adapter registered fall back to none (see NoChangeLog, NoConfigCache),
    /// and a silo without a gateway keeps no local reads (see NoLocalReads, LocalConfigReads).
    /// </summary>
    public static IServiceCollection AddConfigGrains(this IServiceCollection services)
    {
        services.AddOptions<ConfigGrainOptions>().BindConfiguration(ConfigGrainOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfigGrainOptions>, ConfigGrainOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChangeLog, NoChangeLog>();
        services.TryAddSingleton<IConfigCache, NoConfigCache>();
        services.TryAddSingleton<ILocalReadPublisher, NoLocalReads>();
        services.TryAddSingleton<ConfigGrainReferences>();
        services.TryAddSingleton<ChangeReconciler>();
        services.AddApiKeyDirectory();
        services.AddFlagSnapshots();
        services.AddRegistry();
        return services;
    }
}
