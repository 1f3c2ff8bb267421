using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>The real <c>AdoNetGatewayListProvider</c>, as an external client uses it, on our schema.</summary>
public sealed class GatewayListTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task ClientsAreGivenTheGatewaysOfActiveSilosOfTheirClusterOnly()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var other = await MembershipCluster.InitializeAsync(fixture.Database);
        var gateway = await cluster.JoinAsync(Members.New(SiloStatus.Active, proxyPort: 30001));
        await cluster.JoinAsync(Members.New(SiloStatus.Active, proxyPort: 0));
        await cluster.JoinAsync(Members.New(SiloStatus.Joining, proxyPort: 30002));
        await cluster.JoinAsync(Members.New(SiloStatus.Dead, proxyPort: 30003));
        await other.JoinAsync(Members.New(SiloStatus.Active, proxyPort: 30004));
        var provider = OrleansClustering.Gateways(fixture.Database.ConnectionString, cluster.Id);
        await provider.InitializeGatewayListProviderAsync(CancellationToken.None);

        var gateways = await provider.GetGatewaysAsync(CancellationToken.None);

        Assert.Equal([$"gwy.tcp://127.0.0.1:30001/{gateway.SiloAddress.Generation}"], gateways.Select(uri => uri.ToString()));
    }

    [Fact]
    public async Task AClusterWithoutActiveSilosHasNoGateways()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New(SiloStatus.ShuttingDown, proxyPort: 30005));
        var provider = OrleansClustering.Gateways(fixture.Database.ConnectionString, cluster.Id);
        await provider.InitializeGatewayListProviderAsync(CancellationToken.None);

        Assert.Empty(await provider.GetGatewaysAsync(CancellationToken.None));
    }
}
