using System.Diagnostics;
using ConfigCluster.Grains.Interfaces.Config;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>1 gateway and 2 worker silos as processes on AdoNet clustering; kill -9 the worker that hosts the written config.</summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class WorkerCrashTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const string Env = "crash";
    private const string Svc = "svc";

    [Fact]
    public async Task EveryWriteAcknowledgedBeforeOrAfterTheHostingWorkerIsKilledIsReadableWithItsVersion()
    {
        var gateway = await fixture.StartGatewayAsync();
        SiloProcess[] workers = [await fixture.StartWorkerAsync(), await fixture.StartWorkerAsync()];
        var members = await fixture.ActiveMembersAreAsync([gateway, .. workers]);
        Assert.Equal(3, members.Count(m => m.Status == MembershipRow.Active));

        var (key, victim) = await KeyHostedOnAWorkerAsync(gateway, workers);
        var survivor = workers.Single(w => w != victim);
        var writer = new WriterLoop(gateway.Http, Env, Svc, key);
        writer.Start();
        await writer.AcknowledgedSinceAsync(0, 20, TimeSpan.FromSeconds(60));
        victim.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        var afterKill = await writer.AcknowledgedSinceAsync(killedAt, 20, TimeSpan.FromSeconds(120));
        await writer.StopAsync();

        var acknowledged = writer.Acknowledged;
        output.WriteLine($"acknowledged {acknowledged.Count} ({acknowledged.Count(a => a.AcknowledgedAt > killedAt)} after the kill), refused {writer.Refused}; " +
            $"first acknowledgement after the kill {Stopwatch.GetElapsedTime(killedAt, afterKill.First(a => a.AcknowledgedAt > killedAt).AcknowledgedAt).TotalSeconds:F1} s later");
        Assert.True(acknowledged.Count(a => a.AcknowledgedAt > killedAt) >= 20);
        Assert.Equal(acknowledged.Select(a => a.Version).Order(), acknowledged.Select(a => a.Version));
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Version).Distinct().Count());
        foreach (var write in acknowledged)
        {
            var (value, version) = await (await gateway.Http.GetAsync($"{Api.PathOf(Env, Svc, key)}&version={write.Version}")).ValueAsync();
            Assert.Equal((write.Value, write.Version), (value, version));
        }

        var (_, latest) = await (await gateway.Http.ReadAsync(Env, Svc, key)).ValueAsync();
        Assert.True(latest >= acknowledged[^1].Version);
        var deadMembers = await Eventually.ReachesAsync(fixture.MembersAsync,
            m => m.Any(x => x.Port == victim.SiloPort && x.Status == MembershipRow.Dead), TimeSpan.FromSeconds(90), "the killed silo to be marked dead");
        Assert.Equal(new[] { gateway.SiloPort, survivor.SiloPort }.Order(), deadMembers.Where(m => m.Status == MembershipRow.Active).Select(m => m.Port).Order());
        Assert.Contains(await fixture.HostOfAsync(new ConfigAddress(Env, Svc, key)), new int?[] { gateway.SiloPort, survivor.SiloPort });
    }

    /// <summary>Creates configs until one's grain is activated on a worker (placement decides, not the test).</summary>
    private async Task<(string Key, SiloProcess Host)> KeyHostedOnAWorkerAsync(SiloProcess gateway, SiloProcess[] workers)
    {
        for (var i = 0; i < 40; i++)
        {
            var key = $"key-{i}";
            Assert.Equal(HttpStatusCode.Created, (await gateway.Http.CreateAsync(Env, Svc, key, "write-0")).StatusCode);
            var host = await fixture.HostOfAsync(new ConfigAddress(Env, Svc, key));
            if (workers.FirstOrDefault(w => w.SiloPort == host) is { } worker)
            {
                return (key, worker);
            }
        }

        throw new InvalidOperationException("40 configs and none of their grains was placed on a worker silo");
    }
}
