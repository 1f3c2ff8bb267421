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
        var addresses = Enumerable.Range(0, 30).Select(i => new ConfigAddress("join", "svc", $"key-{i}")).ToList();
        foreach (var address in addresses)
        {
            Assert.Equal(HttpStatusCode.Created, (await gateway.Http.CreateAsync(address.Environment, address.ServiceName, address.Key, address.Key)).StatusCode);
        }

        var onJoined = new List<ConfigAddress>();
        foreach (var address in addresses)
        {
            if (await fixture.HostOfAsync(address) == joined.SiloPort)
            {
                onJoined.Add(address);
            }
        }

        Assert.NotEmpty(onJoined);
        foreach (var address in onJoined)
        {
            var (value, version) = await (await gateway.Http.ReadAsync(address.Environment, address.ServiceName, address.Key)).ValueAsync();
            Assert.Equal((address.Key, 1L), (value, version));
        }
    }
}
