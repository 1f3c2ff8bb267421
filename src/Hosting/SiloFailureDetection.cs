using Orleans.Configuration;
using Orleans.Hosting;

namespace ConfigCluster.Hosting;

/// <summary>
/// How fast the cluster gives up on a silo that died or froze, tuned for silos on one LAN (a config service's
/// calls take milliseconds, so seconds of silence mean trouble):
/// <list type="bullet">
/// <item>Membership probes every <see cref="ClusterHostingOptions.ProbeTimeout"/>; after
/// <see cref="ClusterHostingOptions.MissedProbesLimit"/> misses the prober asks another silo to probe too, and
/// when that indirect probe fails as well it declares the silo dead at once, whether or not messages came from
/// it shortly before (a frozen silo's last messages would otherwise delay the vote). Calls waiting on a silo declared
/// dead fail at that moment, and its grains are activated elsewhere by the next call.</item>
/// <item>No grain call waits longer than <see cref="ClusterHostingOptions.CallTimeout"/>, also when its silo froze
/// without closing its connections (SIGSTOP, a stalled VM).</item>
/// </list>
/// </summary>
internal static class SiloFailureDetection
{
    public static ISiloBuilder UseConfigClusterFailureDetection(this ISiloBuilder silo, ClusterHostingOptions cluster)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.MinProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            // Orleans would not vote a silo dead while it sent any message in the last ~12 s: a silo that froze
            // (SIGSTOP, a stalled VM) keeps its connections open, and that alone held writes up for 12 s.
            o.EnableConnectionLivenessCheck = false;
        });
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = cluster.CallTimeout;
            o.SystemResponseTimeout = cluster.CallTimeout;
        });
        return silo;
    }
}
