using ConfigCluster.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka;

public static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KafkaOptions"/> (section <c>Kafka</c>; bootstrap servers from <c>ConnectionStrings:Kafka</c>,
    /// <c>KAFKA_BOOTSTRAP_SERVERS</c> or <c>Kafka:BootstrapServers</c>), validated at start-up; the
    /// <see cref="KafkaChangePublisher"/> singleton as <see cref="IChangePublisher"/>; and the <c>kafka</c>
    /// <see cref="IDependencyProbe"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddKafkaChangePublisher(this IServiceCollection services) => services.AddKafkaChangePublisher(null);

    /// <summary>Whether <paramref name="configuration"/> names Kafka brokers in any of the places <see cref="KafkaOptions"/> reads them from.</summary>
    public static bool NamesKafkaBrokers(this IConfiguration configuration) =>
        KafkaOptionsSetup.NamesBrokers(configuration);

    /// <summary>As <c>AddKafkaChangePublisher()</c>; <paramref name="configure"/> runs after configuration binding and wins over it.</summary>
    public static IServiceCollection AddKafkaChangePublisher(this IServiceCollection services, Action<KafkaOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KafkaOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KafkaOptions>, KafkaOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KafkaChangePublisher>();
        services.TryAddSingleton<IChangePublisher>(sp => sp.GetRequiredService<KafkaChangePublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, KafkaProbe>());
        return services;
    }
}
