using ConfigCluster.Client;
using ConfigCluster.Grains.Interfaces.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// The production shape on one machine: silos as separate processes (the gateway and workers) that find
/// each other through ADO.NET clustering in this fixture's PostgreSQL database, with the dev Vault, Redis
/// and Kafka of <see cref="SystemFixture"/>. Tests start the silos they need; the fixture stops them all.
/// </summary>
public class ClusterFixture : SystemFixture
{
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    protected override bool StartsGateway => false;

    public string ClusterId { get; } = $"e2e-{Guid.NewGuid():N}";

    /// <summary>
    /// Every silo's settings: the fixture's dependencies and AdoNet clustering on loopback. Each silo pools at most 20
    /// PostgreSQL connections, as production sizes pools: the silos of a test together stay below the server's 100,
    /// also while a frozen silo holds its connections open.
    /// </summary>
    public IReadOnlyList<string> SiloArgs =>
    [
        .. DependencyArgs,
        $"--ConnectionStrings:Postgres={Postgres.ConnectionString};Maximum Pool Size=20",
        "--Cluster:Clustering=AdoNet",
        "--Cluster:AdvertisedAddress=127.0.0.1",
        $"--Cluster:ClusterId={ClusterId}",
    ];

    public Task<SiloProcess> StartGatewayAsync(bool clientGateway = true, params string[] extraArgs) =>
        TrackAsync(SiloProcess.StartGatewayAsync([.. SiloArgs, .. extraArgs], clientGateway));

    public Task<SiloProcess> StartWorkerAsync(bool clientGateway = true, params string[] extraArgs) =>
        TrackAsync(SiloProcess.StartWorkerAsync([.. SiloArgs, .. extraArgs], clientGateway));

    public Task<IReadOnlyList<MembershipRow>> MembersAsync() => ClusterMembers.ReadAsync(Postgres.ConnectionString, ClusterId);

    /// <summary>Waits until exactly the given silos are Active in the membership table.</summary>
    public Task<IReadOnlyList<MembershipRow>> ActiveMembersAreAsync(params SiloProcess[] silos) =>
        Eventually.ReachesAsync(
            MembersAsync,
            members => members.Where(m => m.Status == MembershipRow.Active).Select(m => m.Port).Order()
                .SequenceEqual(silos.Select(s => s.SiloPort).Order()),
            TimeSpan.FromSeconds(60),
            $"silos {string.Join(", ", silos.Select(s => s.SiloPort))} to be the active members");

    /// <summary>An Orleans client in this test process, connected the way an in-cluster service connects.</summary>
    public async Task<IClusterClient> ClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:Clustering"] = "AdoNet",
                ["Cluster:ClusterId"] = ClusterId,
                ["ConnectionStrings:Postgres"] = Postgres.ConnectionString,
            });
            builder.AddConfigClusterClient();
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The silo port of the silo that hosts the config's grain, or null when it is not activated.</summary>
    public async Task<int?> HostOfAsync(ConfigAddress address)
    {
        var client = await ClientAsync();
        var grainId = client.GetConfigGrain(address).GetGrainId();
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.FirstOrDefault(s => s.GrainId == grainId)?.SiloAddress.Endpoint.Port;
    }

    private async Task<SiloProcess> TrackAsync(Task<SiloProcess> starting)
    {
        var silo = await starting;
        _silos.Add(silo);
        return silo;
    }

    public override async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
