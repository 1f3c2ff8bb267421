using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

/// <summary>The printed table of a run: the probes' latencies each a line under one header.</summary>
public sealed class ResultTableTests
{
    private static readonly LatencyStats Deaths = new(5, 0, 812.3, 1120, 1120);

    [Fact]
    public void TheDeathProbeIsALatencyLineInMilliseconds()
    {
        var lines = Lines(Result(latency: null, registryDeath: Deaths));

        var header = Array.FindIndex(lines, l => l.StartsWith("latency ", StringComparison.Ordinal));
        Assert.True(header > 0);
        Assert.Equal("instance death -> critical in queries    812.3  1120.0  1120.0       0", lines[header + 1]);
    }

    [Fact]
    public void TheDeathProbeFollowsTheWriteAndFlagLatenciesUnderTheWriteProbesHeader()
    {
        var stats = new LatencyStats(500, 0, 1, 2, 3);
        var lines = Lines(Result(new LatencyResult(500, 10, stats, stats, stats), Deaths, flagLatency: stats));

        var header = Array.FindIndex(lines, l => l.StartsWith("write latency (500 writes, 10 ms apart)", StringComparison.Ordinal));
        Assert.Equal(
            ["PUT (send -> ack)", "ack -> in-cluster observer", "ack -> Kafka consumer", "flag change ack -> other gateway", "instance death -> critical in queries"],
            lines[(header + 1)..(header + 6)].Select(l => l[..38].TrimEnd()));
    }

    [Fact]
    public void ARunWithoutProbesPrintsNoLatencyHeader() =>
        Assert.DoesNotContain(Lines(Result(latency: null, registryDeath: null)), l => l.Contains("max ms", StringComparison.Ordinal));

    [Fact]
    public void TheFirstLineCountsTheRegistryInstancesWhenTheRunSeededThem()
    {
        var flags = new RunFlags(10_000, 100, "10s", [64], 1, 2, 500, null, null, RegistryInstances: 10_000, RegistryServices: 100);

        var first = Lines(Result(null, null) with { Flags = flags })[0];

        Assert.Contains("10000 configs in 100 services (half encrypted), 10000 registry instances in 100 services, 10s per row", first, StringComparison.Ordinal);
    }

    private static BenchResult Result(LatencyResult? latency, LatencyStats? registryDeath, LatencyStats? flagLatency = null) => new(
        "2026-01-01T00:00:00Z", "abc1234",
        new MachineInfo(2, 8, "cpu", "os", "kernel", ".NET", "0 0 0", "0 0 0", null),
        new RunFlags(10_000, 100, "10s", [64], 1, 2, 500, null, null),
        [], latency, [], flagLatency, registryDeath);

    private static string[] Lines(BenchResult result) => ResultTable.Render(result).Split('\n');
}
