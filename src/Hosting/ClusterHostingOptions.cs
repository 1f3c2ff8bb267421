namespace ConfigCluster.Hosting;

/// <summary>How this silo joins its cluster (section <c>Cluster</c>).</summary>
public sealed class ClusterHostingOptions
{
    public const string SectionName = "Cluster";

    public string ClusterId { get; set; } = "configcluster";

    public string ServiceId { get; set; } = "configcluster";

    /// <summary>
    /// <c>Localhost</c>: development clustering on loopback (one machine). <c>AdoNet</c>: membership in
    /// PostgreSQL (ConnectionStrings:Postgres), any number of silos on any hosts.
    /// </summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 for none.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering: the silo port of the primary silo (this silo's own port when unset).</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// AdoNet clustering: the address other silos reach this one at. Unset: loopback outside Kubernetes;
    /// in Kubernetes the pod IP (POD_IP) is used.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// On shutdown (SIGTERM), how long the silo keeps serving while <c>/health/ready</c> already answers
    /// 503, so load balancers and Kubernetes endpoints stop sending traffic before the silo leaves.
    /// Zero (the default, for local runs) skips the wait; the Kubernetes manifests set a few seconds.
    /// </summary>
    public TimeSpan ShutdownDrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a grain call may take before the caller gives up on it (Orleans' response timeout). A write
    /// that runs longer answers 503 <c>outcome_unknown</c>: it may still complete, and a retry with the same
    /// Idempotency-Key learns its outcome. Above every dependency's own timeout, so that a slow dependency
    /// answers as itself (503 with its name) rather than as an unknown outcome.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Membership: how long a silo waits for another's answer to a liveness probe (one probe per interval).
    /// A LAN answers in milliseconds; Orleans' default of 5 s is for clouds with noisy neighbours.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Membership: missed probes in a row after which a silo votes the silo it probes dead. Detection takes
    /// about <see cref="ProbeTimeout"/> x this, plus one indirect probe through another silo.
    /// </summary>
    public int MissedProbesLimit { get; set; } = 3;
}
