using ConfigCluster.Adapters.Kafka;
using ConfigCluster.Adapters.Postgres;
using ConfigCluster.Adapters.Redis;
using ConfigCluster.Grains.Changes;
using ConfigCluster.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Hosting;

/// <summary>
/// Registers the adapters of every write's side effects that the configuration names:
/// PostgreSQL (audit + outbox), Redis (shared cache), Kafka (events), and the change relay when
/// both the outbox and the brokers are there, each with its probe as a dependency health check. What is not
/// configured reports "disabled" in the status.
/// </summary>
internal static class SideEffectRegistration
{
    public static IServiceCollection AddConfiguredSideEffects(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = IsSet(configuration.GetConnectionString("Postgres"));
        var kafka = configuration.NamesKafkaBrokers();
        var healthChecks = services.AddHealthChecks();
        if (postgres)
        {
            services.AddPostgresChangeLog();
            healthChecks.AddDependencyProbeCheck<PostgresProbe>(PostgresProbe.Name);
        }

        if (IsSet(configuration.GetConnectionString("Redis")))
        {
            services.AddRedisConfigCache();
            healthChecks.AddDependencyProbeCheck<RedisProbe>(RedisProbe.Name);
        }

        if (kafka)
        {
            services.AddKafkaChangePublisher();
            healthChecks.AddDependencyProbeCheck<KafkaProbe>(KafkaProbe.DependencyName);
        }

        if (postgres && kafka)
        {
            services.AddChangeRelay();
        }

        return services;
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
