using ConfigCluster.Adapters.Vault;
using ConfigCluster.DevVault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ConfigCluster.Grains.Tests.Support;

/// <summary>
/// One in-process silo with the real adapters, talking HTTP to the dev Vault server on a loopback
/// port. Derived fixtures change the configuration (KV version, cache TTL, token).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public DevVaultServer Vault { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    protected virtual DevVaultOptions VaultOptions => new() { Port = 0, RootToken = "grain-root" };

    protected virtual IDictionary<string, string?> Settings(DevVaultServer vault) => new Dictionary<string, string?>
    {
        ["VAULT_ADDR"] = vault.Address.ToString(),
        ["VAULT_TOKEN"] = vault.RootToken,
    };

    /// <summary>Services a derived fixture adds to the silo, after the grains and the Vault store.</summary>
    protected virtual void ConfigureSilo(IServiceCollection services)
    {
    }

    /// <summary>A service of the (only) silo.</summary>
    public T SiloService<T>() where T : notnull => Cluster.Silos[0].SiloHost.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Vault = await DevVaultServer.StartAsync(VaultOptions);
        var settings = Settings(Vault);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddConfigGrains();
            host.Services.AddVaultConfigStore();
            ConfigureSilo(host.Services);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public IConfigGrain Grain(ConfigAddress address) => Grains.GetConfigGrain(address);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Vault.DisposeAsync();
    }
}
