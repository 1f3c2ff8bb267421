using System.Net;
using Orleans;
using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>Membership rows as a silo writes them: each with its own silo address.</summary>
public static class Members
{
    private static int _nextPort = 20000;

    /// <summary>A time PostgreSQL stores exactly (whole milliseconds), as UTC like Orleans sends it.</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    public static MembershipEntry New(SiloStatus status = SiloStatus.Joining, int proxyPort = 0, DateTime? at = null)
    {
        var port = Interlocked.Increment(ref _nextPort);
        var time = at ?? Now();
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 900_000_000 + port),
            Status = status,
            ProxyPort = proxyPort,
            HostName = "test-host",
            SiloName = $"silo-{port}",
            StartTime = time,
            IAmAliveTime = time,
            SuspectTimes = [],
        };
    }
}
