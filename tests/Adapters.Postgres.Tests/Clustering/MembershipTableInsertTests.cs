using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>The real <c>AdoNetClusteringTable</c> on our schema: initialization, reads and inserts.</summary>
public sealed class MembershipTableInsertTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task InitializingAnEmptyTableCreatesTheVersionRowAtVersionZeroWithNoMembers()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);

        var read = await cluster.ReadAllAsync();

        Assert.Equal((0, "0"), (read.Version.Version, read.Version.VersionEtag));
        Assert.Empty(read.Members);
        Assert.Equal(0, await cluster.StoredVersionAsync());
    }

    [Fact]
    public async Task InitializingAgainKeepsTheVersionAndTheMembers()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New());

        await OrleansClustering.Table(fixture.Database.ConnectionString, cluster.Id).InitializeMembershipTableAsync(true, CancellationToken.None);

        var read = await cluster.ReadAllAsync();
        Assert.Equal(1, read.Version.Version);
        Assert.Single(read.Members);
    }

    [Fact]
    public async Task AnInsertAtTheCurrentVersionStoresTheSiloAndBumpsTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var entry = Members.New(SiloStatus.Joining, proxyPort: 30123);

        Assert.True(await cluster.Table.InsertRowAsync(entry, (await cluster.ReadAllAsync()).Version.Next(), CancellationToken.None));

        var read = await cluster.ReadAllAsync();
        var (stored, etag) = Assert.Single(read.Members);
        Assert.Equal((1, "1"), (read.Version.Version, etag));
        Assert.Equal(
            (entry.SiloAddress, entry.Status, entry.ProxyPort, entry.SiloName, entry.HostName, entry.StartTime, entry.IAmAliveTime),
            (stored.SiloAddress, stored.Status, stored.ProxyPort, stored.SiloName, stored.HostName, stored.StartTime, stored.IAmAliveTime));
        Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc), (stored.StartTime.Kind, stored.IAmAliveTime.Kind));
        Assert.Empty(stored.SuspectTimes ?? []);
    }

    [Fact]
    public async Task AnInsertWithAStaleVersionIsRefusedAndChangesNothing()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var stale = await cluster.ReadAllAsync();
        await cluster.JoinAsync(Members.New());

        Assert.False(await cluster.Table.InsertRowAsync(Members.New(), stale.Version.Next(), CancellationToken.None));

        Assert.Equal((1, 1L), (await cluster.StoredVersionAsync(), await cluster.StoredMemberCountAsync()));
    }

    [Fact]
    public async Task InsertingASiloThatIsAlreadyThereIsRefusedAndLeavesTheVersionAlone()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var entry = await cluster.JoinAsync(Members.New());

        Assert.False(await cluster.Table.InsertRowAsync(entry, (await cluster.ReadAllAsync()).Version.Next(), CancellationToken.None));

        Assert.Equal((1, 1L), (await cluster.StoredVersionAsync(), await cluster.StoredMemberCountAsync()));
    }

    [Fact]
    public async Task ReadingOneSiloReturnsItOrNoMemberAndAlwaysTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var entry = await cluster.JoinAsync(Members.New());
        await cluster.JoinAsync(Members.New());

        var present = await cluster.Table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        var missing = await cluster.Table.ReadRowAsync(Members.New().SiloAddress, CancellationToken.None);

        Assert.Equal(entry.SiloAddress, Assert.Single(present.Members).Item1.SiloAddress);
        Assert.Empty(missing.Members);
        Assert.Equal((2, 2), (present.Version.Version, missing.Version.Version));
    }
}
