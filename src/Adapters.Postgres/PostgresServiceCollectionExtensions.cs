using ConfigCluster.Adapters.Postgres.Access;
using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Adapters.Postgres.Flags;
using ConfigCluster.Adapters.Postgres.LegacyMigration;
using ConfigCluster.Adapters.Postgres.Registry;
using ConfigCluster.Ports.Access;
using ConfigCluster.Ports.Flags;
using ConfigCluster.Ports.LegacyMigration;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// The change log on PostgreSQL: <see cref="PostgresOptions"/> (section <c>Postgres</c>, connection string
    /// <c>ConnectionStrings:Postgres</c>) validated at start; one shared <see cref="NpgsqlDataSource"/>;
    /// <see cref="IChangeLog"/> (<see cref="PostgresChangeLog"/>, replacing any earlier registration such as the
    /// grains' no-op fallback), <see cref="IChangeOutbox"/> (<see cref="PostgresChangeOutbox"/>), the
    /// <see cref="PostgresProbe"/> among the <see cref="IDependencyProbe"/>s, <see cref="MigrationRunner"/>, the
    /// hosted service that migrates at start and the one that deletes expired idempotency keys; the legacy-table
    /// migration's run store and sources. All singletons;
    /// safe to call more than once.
    /// </summary>
    public static IServiceCollection AddPostgresChangeLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PostgresOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<PostgresOptions>, PostgresOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresOptions>, PostgresOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PostgresDataSourceFactory.Create(
            sp.GetRequiredService<IOptions<PostgresOptions>>().Value, sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<PostgresChangeLog>();
        services.TryAddSingleton<PostgresChangeOutbox>();
        services.Replace(ServiceDescriptor.Singleton<IChangeLog>(sp => sp.GetRequiredService<PostgresChangeLog>()));
        services.Replace(ServiceDescriptor.Singleton<IApiKeyStore, PostgresApiKeyStore>());
        services.Replace(ServiceDescriptor.Singleton<IFlagStore, PostgresFlagStore>());
        services.Replace(ServiceDescriptor.Singleton<IRegistryStore, PostgresRegistryStore>());
        services.TryAddSingleton<ILegacyMigrationStore, PostgresLegacyMigrationStore>();
        services.TryAddSingleton<ILegacyConfigSources, PostgresLegacyConfigSources>();
        services.TryAddSingleton<IChangeOutbox>(sp => sp.GetRequiredService<PostgresChangeOutbox>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyProbe, PostgresProbe>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrationHostedService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdempotencyKeyCleanup>());
        return services;
    }
}
