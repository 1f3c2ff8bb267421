using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ConfigCluster.Client;

public static class ConfigClientHostingExtensions
{
    /// <summary>The silos' default: no grain call waits longer (Cluster:CallTimeout overrides it).</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Connects this host to the ConfigCluster cluster as an Orleans client and registers <see cref="ConfigClient"/>.
    /// Reads the silos' settings: <c>Cluster:ClusterId</c>, <c>Cluster:ServiceId</c>, <c>Cluster:Clustering</c>
    /// (<c>AdoNet</c> with <c>ConnectionStrings:Postgres</c>, or <c>Localhost</c> with <c>Cluster:GatewayPort</c>)
    /// and <c>Cluster:CallTimeout</c>.
    /// </summary>
    public static IHostApplicationBuilder AddConfigClusterClient(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Cluster");
        var clusterId = section["ClusterId"] ?? "configcluster";
        var serviceId = section["ServiceId"] ?? "configcluster";
        var adoNet = string.Equals(section["Clustering"], "AdoNet", StringComparison.OrdinalIgnoreCase);
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var gatewayPort = int.TryParse(section["GatewayPort"], out var port) ? port : 30000;
        var callTimeout = TimeSpan.TryParse(section["CallTimeout"], CultureInfo.InvariantCulture, out var timeout) ? timeout : DefaultCallTimeout;
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = callTimeout);
            if (adoNet)
            {
                var keywords = new NpgsqlConnectionStringBuilder(postgres
                    ?? throw new InvalidOperationException("Cluster:Clustering is AdoNet but ConnectionStrings:Postgres is not set.")).ConnectionString;
                // Keyword form only: Orleans' provider does not read postgresql:// URIs.
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", keywords));
            }
            else
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            }
        });
        builder.Services.AddSingleton<ConfigClient>();
        return builder;
    }
}
