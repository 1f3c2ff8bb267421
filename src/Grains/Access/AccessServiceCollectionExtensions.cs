using ConfigCluster.Ports.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ConfigCluster.Grains.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// The silo's API key directory (following the key store; none without PostgreSQL, see NoApiKeyStore) and its
    /// options, bound from the section <c>ApiKeys</c>.
    /// </summary>
    public static IServiceCollection AddApiKeyDirectory(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyDirectoryOptions>().BindConfiguration(ApiKeyDirectoryOptions.SectionName)
            .Validate(o => o.SyncInterval >= TimeSpan.FromMilliseconds(100) && o.SyncInterval <= TimeSpan.FromMinutes(1),
                "ApiKeys:SyncInterval must be between 00:00:00.1 and 00:01:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApiKeyStore, NoApiKeyStore>();
        services.TryAddSingleton<ApiKeyDirectory>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyDirectory>());
        return services;
    }
}
