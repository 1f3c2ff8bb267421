namespace ConfigCluster.Hosting;

/// <summary>How this silo joins its cluster (section <c>Cluster</c>).</summary>
public sealed class ClusterHostingOptions
{
    public const string SectionName = "Cluster";

    public string ClusterId { get; set; } = "configcluster";

    public string ServiceId { get; set; } = "configcluster";

    /// <summary><c>Localhost</c>: development clustering on loopback (one machine).</summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 for none.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering: the silo port of the primary silo (this silo's own port when unset).</summary>
    public int? PrimarySiloPort { get; set; }
}
