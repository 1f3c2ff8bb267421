using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>
/// Two real silos in this process, clustering through <c>UseAdoNetClustering</c> on one migrated database. Bounded:
/// 35 s to start both and see each other, then at most 10 s to stop each.
/// </summary>
public sealed class TwoSilosClusteringTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(35);

    [Fact]
    public async Task TwoSilosOnTheSameDatabaseFindEachOtherAndPublishTheirGateways()
    {
        using var budget = new CancellationTokenSource(Budget);
        var clusterId = OrleansClustering.NewClusterId();
        var connection = fixture.Database.ConnectionString;

        await using var a = await InProcessSilo.StartAsync(connection, clusterId, "silo-a", budget.Token);
        await using var b = await InProcessSilo.StartAsync(connection, clusterId, "silo-b", budget.Token);
        var seen = await a.WaitForSnapshotAsync(s => s.GetSiloStatus(b.Address) == SiloStatus.Active, budget.Token);

        Assert.Equal(SiloStatus.Active, seen.GetSiloStatus(a.Address));
        Assert.Equal(
            [Row(a, SiloStatus.Active), Row(b, SiloStatus.Active)],
            await fixture.Database.ColumnAsync<string>(
                "SELECT silo_name || ' ' || status || ' ' || address || ':' || port || '@' || generation || ' gateway ' || proxy_port " +
                "FROM orleans_cluster_members WHERE deployment_id = @id ORDER BY silo_name",
                new NpgsqlParameter<string>("id", clusterId)));
        var gateways = OrleansClustering.Gateways(connection, clusterId);
        await gateways.InitializeGatewayListProviderAsync(budget.Token);
        Assert.Equal(
            new[] { Gateway(a), Gateway(b) }.Order(StringComparer.Ordinal),
            (await gateways.GetGatewaysAsync(budget.Token)).Select(uri => uri.ToString()).Order(StringComparer.Ordinal));
    }

    private static string Gateway(InProcessSilo silo) => $"gwy.tcp://127.0.0.1:{silo.GatewayPort}/{silo.Address.Generation}";

    private static string Row(InProcessSilo silo, SiloStatus status) =>
        $"{silo.Name} {(int)status} {silo.Address.Endpoint.Address}:{silo.Address.Endpoint.Port}@{silo.Address.Generation} gateway {silo.GatewayPort}";
}
