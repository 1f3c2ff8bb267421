using ConfigCluster.Gateway.Access;
using ConfigCluster.Grains.Access;
using ConfigCluster.Adapters.Vault;
using ConfigCluster.DevVault;
using ConfigCluster.Gateway.Apis;
using ConfigCluster.Grains;
using ConfigCluster.Grains.Interfaces.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace ConfigCluster.Gateway.Tests.Cluster;

/// <summary>
/// A two-silo cluster (Orleans TestingHost) whose first silo serves the REST API: requests through
/// that gateway reach config grains activated on the other silo.
/// </summary>
public sealed class TwoSiloClusterTests : IAsyncLifetime
{
    private DevVaultServer _vault = null!;
    private InProcessTestCluster _cluster = null!;
    private WebApplication _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _vault = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, RootToken = "cluster-root" });
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VAULT_ADDR"] = _vault.Address.ToString(),
                ["VAULT_TOKEN"] = _vault.RootToken,
            });
            host.Services.AddConfigGrains();
            host.Services.AddVaultConfigStore();
            // Grains activate where they are first called, so the test decides which silo hosts each.
            host.Services.AddSingleton<PlacementStrategy, PreferLocalPlacement>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _gateway = await StartGatewayOnAsync(_cluster.Silos[0]);
        _http = new HttpClient { BaseAddress = new Uri(AddressOf(_gateway)) };
    }

    [Fact]
    public async Task RequestsThroughTheGatewayOnOneSiloReachGrainsActivatedOnTheOther()
    {
        var otherSilo = _cluster.Silos[1];
        var grains = _cluster.GetSiloServiceProvider(otherSilo.SiloAddress).GetRequiredService<IGrainFactory>();
        var address = new ConfigAddress("cluster", "svc", "remote");
        var created = await grains.GetConfigGrain(address).CreateAsync(new ConfigChange("on-silo-2", false, ChangeContext.Anonymous("t")));
        Assert.Equal(ConfigOutcome.Created, created.Outcome);

        var read = await _http.GetConfigAsync("cluster", "svc", "remote");
        var updated = await _http.UpdateAsync("cluster", "svc", "remote", "via-gateway");

        Assert.Equal("on-silo-2", (await read.ReadConfigAsync()).Value);
        Assert.Equal(2, (await updated.ReadConfigAsync()).Version);
        var hosts = await SilosHostingAsync(address);
        Assert.Equal([otherSilo.SiloAddress], hosts);
    }

    private async Task<SiloAddress[]> SilosHostingAsync(ConfigAddress address)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var grainId = _cluster.Client.GetGrain<IConfigGrain>(address.Path).GetGrainId();
        return statistics.Where(s => s.GrainId == grainId).Select(s => s.SiloAddress).Distinct().ToArray();
    }

    private async Task<WebApplication> StartGatewayOnAsync(InProcessSiloHandle silo)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var siloServices = _cluster.GetSiloServiceProvider(silo.SiloAddress);
        builder.Services.AddSingleton(siloServices.GetRequiredService<IGrainFactory>());
        builder.Services.AddSingleton(siloServices.GetRequiredService<ApiKeyDirectory>());
        builder.Configuration["Auth:Anonymous"] = "Admin";
        builder.AddGatewayServices();
        builder.AddGatewayAccess();
        var app = builder.Build();
        app.UseGatewayPipeline();
        app.UseGatewayAccess();
        app.MapConfigApi();
        await app.StartAsync();
        return app;
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _cluster.DisposeAsync();
        await _vault.DisposeAsync();
    }
}
