using Orleans;
using Orleans.Runtime.MembershipService;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>One cluster (its own id) in a test database, seen through the real Orleans membership table.</summary>
public sealed class MembershipCluster
{
    private MembershipCluster(TestDatabase database, string id)
    {
        Database = database;
        Id = id;
        Table = OrleansClustering.Table(database.ConnectionString, id);
    }

    public TestDatabase Database { get; }

    /// <summary><c>ClusterOptions.ClusterId</c>: the <c>deployment_id</c> of its rows.</summary>
    public string Id { get; }

    public AdoNetClusteringTable Table { get; }

    /// <summary>A new cluster whose table was initialized as a starting silo does it (version row created).</summary>
    public static async Task<MembershipCluster> InitializeAsync(TestDatabase database)
    {
        var cluster = new MembershipCluster(database, OrleansClustering.NewClusterId());
        await cluster.Table.InitializeMembershipTableAsync(true, CancellationToken.None);
        return cluster;
    }

    public Task<MembershipTableData> ReadAllAsync() => Table.ReadAllAsync(CancellationToken.None);

    /// <summary>Inserts <paramref name="entry"/> at the current version and asserts that the table took it.</summary>
    public async Task<MembershipEntry> JoinAsync(MembershipEntry entry)
    {
        var read = await ReadAllAsync();
        Assert.True(await Table.InsertRowAsync(entry, read.Version.Next(), CancellationToken.None));
        return entry;
    }

    /// <summary>The version as stored, read past Orleans.</summary>
    public async Task<int> StoredVersionAsync() =>
        await Database.ScalarAsync<int>(
            "SELECT version FROM orleans_cluster_versions WHERE deployment_id = @id", new NpgsqlParameter<string>("id", Id));

    /// <summary>How many member rows the cluster has, read past Orleans.</summary>
    public async Task<long> StoredMemberCountAsync() =>
        await Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_cluster_members WHERE deployment_id = @id", new NpgsqlParameter<string>("id", Id));
}
