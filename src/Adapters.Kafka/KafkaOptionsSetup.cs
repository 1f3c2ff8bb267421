using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Fills <see cref="KafkaOptions"/> from the <c>Kafka</c> section; the bootstrap servers are then overridden by
/// <c>KAFKA_BOOTSTRAP_SERVERS</c> and, winning over both, <c>ConnectionStrings:Kafka</c>. Without a registered
/// <see cref="IConfiguration"/> only the process environment is read.
/// </summary>
internal sealed class KafkaOptionsSetup(IServiceProvider services) : IConfigureOptions<KafkaOptions>
{
    public void Configure(KafkaOptions options)
    {
        var configuration = services.GetService<IConfiguration>();
        if (configuration is null)
        {
            ApplyBootstrap(options, Environment.GetEnvironmentVariable);
            return;
        }

        configuration.GetSection(KafkaOptions.SectionName).Bind(options);
        ApplyBootstrap(options, key => configuration[key]);
    }

    /// <summary>Whether any of the sources <see cref="Configure"/> reads names Kafka brokers.</summary>
    public static bool NamesBrokers(IConfiguration configuration)
    {
        var options = new KafkaOptions { BootstrapServers = configuration[$"{KafkaOptions.SectionName}:{nameof(KafkaOptions.BootstrapServers)}"] ?? string.Empty };
        ApplyBootstrap(options, key => configuration[key]);
        return !string.IsNullOrWhiteSpace(options.BootstrapServers);
    }

    internal static void ApplyBootstrap(KafkaOptions options, Func<string, string?> read)
    {
        string?[] candidates =
        [
            read($"ConnectionStrings:{KafkaOptions.ConnectionStringName}"),
            read($"ConnectionStrings__{KafkaOptions.ConnectionStringName}"),
            read(KafkaOptions.BootstrapServersVariable),
        ];
        if (candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) is { } bootstrap)
        {
            options.BootstrapServers = bootstrap.Trim();
        }
    }
}
