namespace ConfigCluster.Hosting;

public enum ClusteringMode
{
    /// <summary>Development clustering: silos on one machine find the primary silo on loopback.</summary>
    Localhost = 0,

    /// <summary>Orleans ADO.NET clustering on the service's PostgreSQL (ConnectionStrings:Postgres).</summary>
    AdoNet = 1,
}
