using Orleans;
using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>Writers racing at the same table version, as silos joining or voting at once do.</summary>
public sealed class MembershipTableConcurrencyTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private const int Writers = 10;

    [Fact]
    public async Task TenSilosInitializingAnEmptyClusterAtOnceCreateOneVersionRowWithoutAnError()
    {
        var clusterId = OrleansClustering.NewClusterId();
        var tables = Enumerable.Range(0, Writers).Select(_ => OrleansClustering.Table(fixture.Database.ConnectionString, clusterId)).ToList();

        await Task.WhenAll(tables.Select(table => table.InitializeMembershipTableAsync(true, CancellationToken.None)));

        var versions = await fixture.Database.ColumnAsync<int>(
            "SELECT version FROM orleans_cluster_versions WHERE deployment_id = @id", new NpgsqlParameter<string>("id", clusterId));
        Assert.Equal([0], versions);
    }

    [Fact]
    public async Task OfTenSilosJoiningAtTheSameVersionExactlyOneSucceeds()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var version = (await cluster.ReadAllAsync()).Version.Next();
        var tables = Enumerable.Range(0, Writers).Select(_ => OrleansClustering.Table(fixture.Database.ConnectionString, cluster.Id)).ToList();
        await Task.WhenAll(tables.Select(table => table.InitializeMembershipTableAsync(true, CancellationToken.None)));

        var results = await Task.WhenAll(tables.Select(table => table.InsertRowAsync(Members.New(), version, CancellationToken.None)));

        Assert.Single(results, inserted => inserted);
        Assert.Equal((1, 1L), (await cluster.StoredVersionAsync(), await cluster.StoredMemberCountAsync()));
    }

    [Fact]
    public async Task OfTenUpdatesOfOneSiloAtTheSameVersionExactlyOneSucceeds()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        var joined = await cluster.JoinAsync(Members.New(SiloStatus.Joining));
        var read = await cluster.ReadAllAsync();
        var etag = read.Members.Single().Item2;

        var results = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i =>
            cluster.Table.UpdateRowAsync(Suspected(joined, i), etag, read.Version.Next(), CancellationToken.None)));

        Assert.Single(results, updated => updated);
        var after = await cluster.ReadAllAsync();
        Assert.Equal(2, after.Version.Version);
        Assert.Single(Assert.Single(after.Members).Item1.SuspectTimes ?? []);
    }

    [Fact]
    public async Task AnUpdateRacingACleanupThatDeletesTheSiloIsRefusedWithoutBumpingTheVersion()
    {
        var cluster = await MembershipCluster.InitializeAsync(fixture.Database);
        await cluster.JoinAsync(Members.New(SiloStatus.Dead));
        var read = await cluster.ReadAllAsync();
        var (entry, etag) = read.Members.Single();
        await using var cleaner = new NpgsqlConnection(fixture.Database.ConnectionString);
        await cleaner.OpenAsync();
        await using var cleanup = await cleaner.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand("DELETE FROM orleans_cluster_members WHERE deployment_id = @id", cleaner, cleanup))
        {
            delete.Parameters.Add(new NpgsqlParameter<string>("id", cluster.Id));
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        var update = cluster.Table.UpdateRowAsync(entry, etag, read.Version.Next(), CancellationToken.None);
        await WaitUntilASessionWaitsForALockAsync();
        await cleanup.CommitAsync();

        Assert.False(await update.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((1, 0L), (await cluster.StoredVersionAsync(), await cluster.StoredMemberCountAsync()));
    }

    private async Task WaitUntilASessionWaitsForALockAsync()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        const string waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        while (await fixture.Database.ScalarAsync<long>(waiting) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), budget.Token);
        }
    }

    /// <summary>The joined silo as one of several voters sees it: Active, suspected once by voter <paramref name="voter"/>.</summary>
    private static MembershipEntry Suspected(MembershipEntry joined, int voter)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = joined.SiloAddress,
            Status = SiloStatus.Active,
            ProxyPort = joined.ProxyPort,
            HostName = joined.HostName,
            SiloName = joined.SiloName,
            StartTime = joined.StartTime,
            IAmAliveTime = joined.IAmAliveTime.AddSeconds(voter),
            SuspectTimes = [],
        };
        entry.AddSuspector(Members.New().SiloAddress, Members.Now());
        return entry;
    }
}
