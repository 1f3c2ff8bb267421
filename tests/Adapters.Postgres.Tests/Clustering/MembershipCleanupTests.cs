using Orleans;
using Orleans.Runtime;
using static ConfigCluster.Adapters.Postgres.Tests.Support.OrleansQueries;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>Removing defunct silos (Dead only, older than the cutoff) and a whole cluster's rows.</summary>
public sealed class MembershipCleanupTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTime Cutoff = Members.Now().AddHours(-1);

    [Fact]
    public async Task CleanupThroughTheProviderDeletesOldDeadSilosOnly()
    {
        var (cluster, oldDead, kept) = await ArrangeAsync();

        await cluster.Table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Cutoff), CancellationToken.None);

        await AssertRemainingAsync(cluster, kept, version: 4);
        Assert.DoesNotContain(oldDead.SiloAddress, await AddressesAsync(cluster));
    }

    [Fact]
    public async Task TheClusterWideCleanupQueryDeletesOldDeadSilosOnly()
    {
        var (cluster, _, kept) = await ArrangeAsync();

        var deleted = await ExecuteAsync(fixture.Database, "CleanupDefunctSiloEntriesKey", Text("DeploymentId", cluster.Id), Time("IAmAliveTime", Cutoff));

        Assert.Equal(1, deleted);
        await AssertRemainingAsync(cluster, kept, version: 4);
    }

    [Fact]
    public async Task ThePerSiloCleanupQueryKeepsADeadSiloThatChangedSinceItWasRead()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var dead = await cluster.JoinAsync(Members.New(SiloStatus.Dead, at: Cutoff.AddHours(-1)));
        var captured = dead.IAmAliveTime;
        dead.IAmAliveTime = captured.AddMinutes(1);
        await cluster.Table.UpdateIAmAliveAsync(dead, CancellationToken.None);

        Assert.Equal(0, await ExecuteAsync(fixture.Database, "CleanupDefunctSiloEntryKey", RowParameters(cluster, dead, captured, null)));
        Assert.Equal(1L, await cluster.StoredMemberCountAsync());
    }

    [Fact]
    public async Task ThePerSiloCleanupQueryNeverDeletesASiloThatIsNotDead()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var joining = await cluster.JoinAsync(Members.New(SiloStatus.Joining, at: Cutoff.AddHours(-1)));

        Assert.Equal(0, await ExecuteAsync(fixture.Database, "CleanupDefunctSiloEntryKey", RowParameters(cluster, joining, joining.IAmAliveTime, null)));
        Assert.Equal(1L, await cluster.StoredMemberCountAsync());
    }

    [Fact]
    public async Task ThePerSiloCleanupQueryTakesNoSuspicionsAsEmptyOrNull()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var dead = await cluster.JoinAsync(Members.New(SiloStatus.Dead, at: Cutoff.AddHours(-1)));
        await fixture.Database.ExecuteAsync(
            "UPDATE orleans_cluster_members SET suspect_times = '' WHERE deployment_id = @id", new NpgsqlParameter<string>("id", cluster.Id));

        Assert.Equal(1, await ExecuteAsync(fixture.Database, "CleanupDefunctSiloEntryKey", RowParameters(cluster, dead, dead.IAmAliveTime, null)));
        Assert.Equal(0L, await cluster.StoredMemberCountAsync());
    }

    [Fact]
    public async Task DeletingAClustersEntriesRemovesItsSilosAndVersionButNoOtherCluster()
    {
        var doomed = await MembershipCluster.InitializeAsync(fixture.Database);
        var other = await MembershipCluster.InitializeAsync(fixture.Database);
        await doomed.JoinAsync(Members.New());
        await other.JoinAsync(Members.New());

        await doomed.Table.DeleteMembershipTableEntriesAsync(doomed.Id, CancellationToken.None);

        Assert.Equal((0, 0L), (await doomed.StoredVersionAsync(), await doomed.StoredMemberCountAsync()));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_cluster_versions WHERE deployment_id = @id", new NpgsqlParameter<string>("id", doomed.Id)));
        Assert.Equal((1, 1L), (await other.StoredVersionAsync(), await other.StoredMemberCountAsync()));
    }

    /// <summary>An old Dead silo, and three that cleanup must keep: old Joining, old Active, recently Dead.</summary>
    private async Task<(MembershipCluster Cluster, MembershipEntry OldDead, SiloAddress[] Kept)> ArrangeAsync()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var old = Cutoff.AddHours(-1);
        var oldDead = await cluster.JoinAsync(Members.New(SiloStatus.Dead, at: old));
        var oldJoining = await cluster.JoinAsync(Members.New(SiloStatus.Joining, at: old));
        var oldActive = await cluster.JoinAsync(Members.New(SiloStatus.Active, at: old));
        var recentDead = await cluster.JoinAsync(Members.New(SiloStatus.Dead));
        return (cluster, oldDead, [oldJoining.SiloAddress, oldActive.SiloAddress, recentDead.SiloAddress]);
    }

    private static async Task AssertRemainingAsync(MembershipCluster cluster, SiloAddress[] kept, int version)
    {
        Assert.Equal(kept.Order(), (await AddressesAsync(cluster)).Order());
        Assert.Equal(version, await cluster.StoredVersionAsync());
    }

    private static async Task<List<SiloAddress>> AddressesAsync(MembershipCluster cluster) =>
        [.. (await cluster.ReadAllAsync()).Members.Select(member => member.Item1.SiloAddress)];

    private static NpgsqlParameter[] RowParameters(MembershipCluster cluster, MembershipEntry entry, DateTime iAmAliveTime, string? suspectTimes) =>
    [
        Text("DeploymentId", cluster.Id), Text("Address", entry.SiloAddress.Endpoint.Address.ToString()),
        Int("Port", entry.SiloAddress.Endpoint.Port), Int("Generation", entry.SiloAddress.Generation),
        Text("SuspectTimes", suspectTimes), Time("StartTime", entry.StartTime), Time("IAmAliveTime", iAmAliveTime),
    ];
}
