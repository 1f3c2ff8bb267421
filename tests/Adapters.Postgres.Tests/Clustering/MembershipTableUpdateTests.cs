using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>The real <c>AdoNetClusteringTable</c> on our schema: status updates and heartbeats.</summary>
public sealed class MembershipTableUpdateTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task AnUpdateAtTheCurrentVersionStoresStatusSuspicionsAndTimeAndBumpsTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New());
        var read = await cluster.ReadAllAsync();
        var (entry, etag) = read.Members.Single();
        var suspector = Members.New().SiloAddress;
        var suspectedAt = Members.Now();
        entry.Status = SiloStatus.Active;
        entry.AddSuspector(suspector, suspectedAt);
        entry.IAmAliveTime = suspectedAt.AddSeconds(5);

        Assert.True(await cluster.Table.UpdateRowAsync(entry, etag, read.Version.Next(), CancellationToken.None));

        var after = await cluster.ReadAllAsync();
        var stored = Assert.Single(after.Members).Item1;
        Assert.Equal(2, after.Version.Version);
        Assert.Equal((SiloStatus.Active, entry.IAmAliveTime), (stored.Status, stored.IAmAliveTime));
        var (suspectedBy, at) = Assert.Single(stored.SuspectTimes ?? []);
        Assert.Equal((suspector, suspectedAt), (suspectedBy, at));
    }

    [Fact]
    public async Task AnUpdateWithAStaleVersionIsRefusedAndChangesNothing()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New());
        var stale = await cluster.ReadAllAsync();
        var (entry, etag) = stale.Members.Single();
        await cluster.JoinAsync(Members.New());
        entry.Status = SiloStatus.Active;

        Assert.False(await cluster.Table.UpdateRowAsync(entry, etag, stale.Version.Next(), CancellationToken.None));

        var after = await cluster.Table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        Assert.Equal((2, SiloStatus.Joining), (after.Version.Version, Assert.Single(after.Members).Item1.Status));
    }

    [Fact]
    public async Task UpdatingASiloThatIsNotThereIsRefusedAndDoesNotBumpTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New());
        var read = await cluster.ReadAllAsync();

        var updated = await cluster.Table.UpdateRowAsync(
            Members.New(SiloStatus.Active), read.Version.VersionEtag, read.Version.Next(), CancellationToken.None);

        Assert.False(updated);
        Assert.Equal((1, 1L), (await cluster.StoredVersionAsync(), await cluster.StoredMemberCountAsync()));
    }

    [Fact]
    public async Task AHeartbeatUpdatesIAmAliveTimeOnlyAndNeverBumpsTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var entry = await cluster.JoinAsync(Members.New(SiloStatus.Joining));
        var heartbeat = entry.IAmAliveTime.AddSeconds(30);
        entry.IAmAliveTime = heartbeat;
        entry.Status = SiloStatus.Active;

        await cluster.Table.UpdateIAmAliveAsync(entry, CancellationToken.None);

        var read = await cluster.ReadAllAsync();
        var stored = Assert.Single(read.Members).Item1;
        Assert.Equal(1, read.Version.Version);
        Assert.Equal((heartbeat, DateTimeKind.Utc, SiloStatus.Joining), (stored.IAmAliveTime, stored.IAmAliveTime.Kind, stored.Status));
    }
}
