using ConfigCluster.Adapters.Kafka.Tests.Support;
using ConfigCluster.Grains.Interfaces.Status;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaProbeTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly KafkaHarness _kafka = new();

    [Fact]
    public async Task ProbeReportsKafkaUpWhileTheBrokersRun()
    {
        var status = await _kafka.Probe().ProbeAsync(CancellationToken.None);

        Assert.Equal(("kafka", DependencyState.Up), (status.Name, status.State));
    }

    [Fact]
    public async Task ProbeReportsKafkaDownWhileAllBrokersAreDownAndUpAgainWhenTheyReturn()
    {
        var probe = _kafka.Probe();

        _kafka.Cluster.SetAllBrokersDown();
        var down = await Eventually.ReachesAsync(() => probe.ProbeAsync(CancellationToken.None), s => s.State == DependencyState.Down, Deadline, "Down");
        _kafka.Cluster.SetAllBrokersUp();
        var up = await Eventually.ReachesAsync(() => probe.ProbeAsync(CancellationToken.None), s => s.State == DependencyState.Up, Deadline, "Up");

        Assert.Equal(("kafka", "kafka"), (down.Name, up.Name));
        Assert.False(string.IsNullOrEmpty(down.Detail));
    }

    public void Dispose() => _kafka.Dispose();
}
