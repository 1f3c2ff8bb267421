using System.Net;
using ConfigCluster.Adapters.Postgres;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ConfigCluster.Hosting;

/// <summary>
/// How a silo finds its cluster: localhost clustering for one machine, or ADO.NET clustering on
/// PostgreSQL (our own schema, applied by the same migrations as the change log). In Kubernetes the
/// pod's identity and address come from Orleans' Kubernetes hosting (downward-API variables).
/// </summary>
internal static class SiloClustering
{
    public static ISiloBuilder UseConfigClusterClustering(this ISiloBuilder silo, ClusterHostingOptions cluster, IConfiguration configuration)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        silo.UseConfigClusterFailureDetection(cluster);
        if (cluster.Clustering == ClusteringMode.Localhost)
        {
            var primary = new IPEndPoint(IPAddress.Loopback, cluster.PrimarySiloPort ?? cluster.SiloPort);
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primary, cluster.ServiceId, cluster.ClusterId);
        }

        var connection = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Cluster:Clustering is AdoNet but ConnectionStrings:Postgres is not set.");
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = PostgresConnectionString.ToNpgsqlKeywords(connection);
        });
        if (InKubernetes)
        {
            silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (cluster.SiloPort, cluster.GatewayPort));
            return silo.UseKubernetesHosting();
        }

        var advertised = IPAddress.Parse(cluster.AdvertisedAddress ?? IPAddress.Loopback.ToString());
        return silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
    }

    /// <summary>Orleans' Kubernetes hosting only inside a pod: outside, it would fail for want of the pod variables.</summary>
    private static bool InKubernetes => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"));
}
