using System.Diagnostics;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>A worker silo killed (kill -9) under the storm: its connections close at once.</summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class KilledWorkerTests(ClusterFixture fixture, ITestOutputHelper output)
    : SiloLossTests(fixture, output), IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task WritesFlowAgainWithinTheBoundAndEachIsAppliedOnce()
    {
        var (storm, victim) = await StartStormAsync("kill");

        victim.Kill();
        var lostAt = Stopwatch.GetTimestamp();
        await StormOnUntilAsync(storm, lostAt);

        AssertRecovered(storm, lostAt, "kill -9");
        await AssertEachWrittenOnceAsync(storm, "kill");
    }
}
