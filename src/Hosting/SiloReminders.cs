using ConfigCluster.Adapters.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ConfigCluster.Hosting;

/// <summary>
/// Where a silo keeps Orleans reminders (the registry's instances have one each, so that their checks go on after a
/// silo dies): in memory for localhost clustering (one machine, nothing outlives the cluster), else in PostgreSQL
/// beside the membership table (migration 0007). The shortest reminder period allowed is the registry's own.
/// </summary>
internal static class SiloReminders
{
    /// <summary>
    /// The reminder provider's own small pool. Orleans reads every range of the ring it owns at once when it starts
    /// and when a silo leaves; in the shared pool that opened dozens of connections per silo, and a cluster that lost a
    /// silo (whose connections stay open while it is frozen) ran the server out of connections (53300).
    /// </summary>
    private const int MaxPoolSize = 2;

    public static ISiloBuilder UseConfigClusterReminders(this ISiloBuilder silo, ClusterHostingOptions cluster, IConfiguration configuration)
    {
        var period = configuration.GetValue<TimeSpan?>("Registry:ReminderPeriod") ?? TimeSpan.FromMinutes(1);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period < o.MinimumReminderPeriod ? period : o.MinimumReminderPeriod);
        if (cluster.Clustering == ClusteringMode.Localhost)
        {
            return silo.UseInMemoryReminderService();
        }

        var connection = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Cluster:Clustering is AdoNet but ConnectionStrings:Postgres is not set.");
        return silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsqlKeywords(connection))
            {
                MaxPoolSize = MaxPoolSize,
                ApplicationName = "configcluster-reminders",
            }.ConnectionString;
        });
    }
}
