using System.Diagnostics;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// A worker silo frozen (SIGSTOP) under the storm: it answers nothing but closes nothing, so only the
/// membership probes and the call timeout tell the cluster. Thawed, it finds itself declared dead and stops.
/// </summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class FrozenWorkerTests(ClusterFixture fixture, ITestOutputHelper output)
    : SiloLossTests(fixture, output), IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task WritesFlowAgainWithinTheBoundAndEachIsAppliedOnce()
    {
        var (storm, victim) = await StartStormAsync("freeze");

        victim.Freeze();
        var lostAt = Stopwatch.GetTimestamp();
        await StormOnUntilAsync(storm, lostAt);
        victim.Thaw();
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await victim.Process.WaitForExitAsync(exit.Token);

        AssertRecovered(storm, lostAt, "SIGSTOP");
        await AssertEachWrittenOnceAsync(storm, "freeze");
    }
}
