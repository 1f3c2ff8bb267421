using ConfigCluster.Adapters.Redis.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// The shared config cache on Redis: <see cref="RedisOptions"/> (section <c>Redis</c>, connection string
    /// <c>ConnectionStrings:Redis</c>) validated at start-up, the one <see cref="RedisConnection"/> (multiplexer),
    /// <see cref="RedisConfigCache"/> as the <see cref="IConfigCache"/> (replacing any earlier one, such as the
    /// grains' no-cache fallback) and <see cref="RedisProbe"/> among the dependency probes. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddRedisConfigCache(this IServiceCollection services) => services.AddRedisConfigCache(null);

    /// <summary>As <c>AddRedisConfigCache()</c>; <paramref name="configure"/> runs after configuration binding and wins over it.</summary>
    public static IServiceCollection AddRedisConfigCache(this IServiceCollection services, Action<RedisOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RedisOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RedisOptions>, RedisOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisConfigCache>();
        services.Replace(ServiceDescriptor.Singleton<IConfigCache>(sp => sp.GetRequiredService<RedisConfigCache>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, RedisProbe>());
        return services;
    }
}
