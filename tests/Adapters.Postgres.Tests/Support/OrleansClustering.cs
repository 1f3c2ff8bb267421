using ConfigCluster.Adapters.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>The real providers of Microsoft.Orleans.Clustering.AdoNet, built as a silo and a client build them.</summary>
public static class OrleansClustering
{
    public const string Invariant = "Npgsql";

    /// <summary>The silo's membership table (<c>IMembershipTable</c>) for cluster <paramref name="clusterId"/>; not initialized.</summary>
    public static AdoNetClusteringTable Table(string connectionString, string clusterId) =>
        new(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(Cluster(clusterId)),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = Invariant,
                ConnectionString = PostgresConnectionString.ToNpgsqlKeywords(connectionString),
            }),
            NullLogger<AdoNetClusteringTable>.Instance);

    /// <summary>A client's gateway list (<c>IGatewayListProvider</c>) for cluster <paramref name="clusterId"/>; not initialized.</summary>
    public static AdoNetGatewayListProvider Gateways(string connectionString, string clusterId) =>
        new(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions
            {
                Invariant = Invariant,
                ConnectionString = PostgresConnectionString.ToNpgsqlKeywords(connectionString),
            }),
            Options.Create(new GatewayOptions()),
            Options.Create(Cluster(clusterId)));

    /// <summary>A cluster id no other test uses, so tests sharing a database do not meet.</summary>
    public static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    private static ClusterOptions Cluster(string clusterId) => new() { ClusterId = clusterId, ServiceId = "configcluster-tests" };
}
