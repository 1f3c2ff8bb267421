using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

[Collection(SiloProcessesCollection.Name)]
public sealed class SiloJoinTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task AWorkerThatJoinsARunningClusterTakesGrainActivations()
    {
        var gateway = await fixture.StartGatewayAsync();
        var first = await fixture.StartWorkerAsync();
        await fixture.ActiveMembersAreAsync(gateway, first);

        var joined = await fixture.StartWorkerAsync();
        await fixture.ActiveMembersAreAsync(gateway, first, joined);

        // Active in the table is not yet a placement target: the gateway learns the new silo's grain
        // manifest a moment later. So new configs are created until one's grain is placed on it.
        var created = new List<ConfigAddress>();
        var placedOnJoined = await Eventually.ReachesAsync(
            async () =>
            {
                var address = new ConfigAddress("join", "svc", $"key-{created.Count}");
                Assert.Equal(HttpStatusCode.Created, (await gateway.Http.CreateAsync(address.Environment, address.ServiceName, address.Key, address.Key)).StatusCode);
                created.Add(address);
                return (address, host: await fixture.HostOfAsync(address));
            },
            placed => placed.host == joined.SiloPort,
            TimeSpan.FromSeconds(60),
            $"a new config's grain on the joined silo {joined.SiloPort}");

        var (value, version) = await (await gateway.Http.ReadAsync("join", "svc", placedOnJoined.address.Key)).ValueAsync();
        Assert.Equal((placedOnJoined.address.Key, 1L), (value, version));
        foreach (var address in created)
        {
            Assert.Equal((address.Key, 1L), await (await gateway.Http.ReadAsync(address.Environment, address.ServiceName, address.Key)).ValueAsync());
        }
    }
}
