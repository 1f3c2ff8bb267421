using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Vault;

public static class VaultConfigStoreServiceCollectionExtensions
{
    /// <summary>
    /// The config store over Vault: KV v2 (default) or KV v1, as VAULT_KV_VERSION says.
    /// </summary>
    public static IServiceCollection AddVaultConfigStore(this IServiceCollection services)
    {
        services.AddVaultClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VaultKv2ConfigStore>();
        services.TryAddSingleton<VaultKv1ConfigStore>();
        services.TryAddSingleton<IConfigStore>(sp =>
            sp.GetRequiredService<IOptions<VaultOptions>>().Value.KvVersion == 1
                ? sp.GetRequiredService<VaultKv1ConfigStore>()
                : sp.GetRequiredService<VaultKv2ConfigStore>());
        return services;
    }
}
