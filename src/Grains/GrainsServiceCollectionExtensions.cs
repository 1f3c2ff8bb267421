using ConfigCluster.Grains.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Options the grains read, validated at start. The ports are registered by the adapters.</summary>
    public static IServiceCollection AddConfigGrains(this IServiceCollection services)
    {
        services.AddOptions<ConfigGrainOptions>().BindConfiguration(ConfigGrainOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfigGrainOptions>, ConfigGrainOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
