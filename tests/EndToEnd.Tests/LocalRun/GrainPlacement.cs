using ConfigCluster.Client;
using ConfigCluster.Grains.Interfaces.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// Which silo of a ./run.sh cluster hosts each config's grain, asked the way an in-cluster service
/// connects (ADO.NET clustering on run.sh's PostgreSQL, its default cluster id).
/// </summary>
public sealed class GrainPlacement : IAsyncDisposable
{
    private readonly IHost _client;

    private GrainPlacement(IHost client) => _client = client;

    public static async Task<GrainPlacement> ConnectAsync(LocalRunScript run)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Clustering"] = "AdoNet",
            ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={run.Ports.Postgres};Database=configcluster;Username=configcluster;Password=configcluster",
        });
        builder.AddConfigClusterClient();
        var client = builder.Build();
        await client.StartAsync();
        return new GrainPlacement(client);
    }

    /// <summary>The Orleans silo port of the silo hosting each config's activation (configs not activated are left out).</summary>
    public async Task<IReadOnlyDictionary<ConfigAddress, int>> SiloPortsAsync(IEnumerable<ConfigAddress> configs)
    {
        var client = _client.Services.GetRequiredService<IClusterClient>();
        var hosts = (await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .ToDictionary(statistic => statistic.GrainId, statistic => statistic.SiloAddress.Endpoint.Port);
        return configs.Where(config => hosts.ContainsKey(client.GetConfigGrain(config).GetGrainId()))
            .ToDictionary(config => config, config => hosts[client.GetConfigGrain(config).GetGrainId()]);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
    }
}
