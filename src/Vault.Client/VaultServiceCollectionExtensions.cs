using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client;

public static class VaultServiceCollectionExtensions
{
    /// <summary>Log category of every Vault client line.</summary>
    public const string LogCategory = "ConfigCluster.Vault.Client";

    /// <summary>
    /// Registers <see cref="VaultOptions"/> (section <c>Vault</c>, then the flat <c>VAULT_*</c> variables, which win),
    /// validated at start-up, singletons for the shared transport, <see cref="VaultKv2Client"/>,
    /// <see cref="VaultKv1Client"/> and <see cref="VaultSysClient"/>, and the hosted service that logs in and renews the
    /// token. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddVaultClient(this IServiceCollection services) => services.AddVaultClient(null);

    /// <summary>As <c>AddVaultClient()</c>; <paramref name="configure"/> runs after configuration binding and wins over it.</summary>
    public static IServiceCollection AddVaultClient(this IServiceCollection services, Action<VaultOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VaultOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<VaultOptions>, VaultOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>());
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        services.TryAddSingleton(sp => new VaultTransport(
            sp.GetRequiredService<IOptions<VaultOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance));
        services.TryAddSingleton(sp => new VaultKv2Client(sp.GetRequiredService<VaultTransport>()));
        services.TryAddSingleton(sp => new VaultKv1Client(sp.GetRequiredService<VaultTransport>()));
        services.TryAddSingleton(sp => new VaultSysClient(sp.GetRequiredService<VaultTransport>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VaultTokenKeeper>(sp =>
            new VaultTokenKeeper(sp.GetRequiredService<VaultTransport>(), sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        return services;
    }
}
