using System.Diagnostics;
using Xunit.Abstractions;
using ConfigCluster.Adapters.Kafka.Tests.Support;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaChangePublisherOutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly KafkaHarness _kafka = new();

    [Fact]
    public async Task EventsPublishedWhileAllBrokersAreDownAreAllDeliveredInKeyOrderOnceTheBrokersReturn()
    {
        Assert.True(await _kafka.Publisher.PublishAsync([TestEvents.Change("warm-up", 1)], CancellationToken.None).Within(Deadline));
        var batch = TestEvents.Interleaved(keys: 10, perKey: 10);
        var clock = Stopwatch.StartNew();

        _kafka.Cluster.SetAllBrokersDown();
        var publishing = _kafka.Publisher.PublishAsync(batch, CancellationToken.None);
        await Eventually.HoldsAsync(_kafka.PublisherSawAllBrokersDown, Deadline, "the publisher to see all brokers down");
        Assert.False(publishing.IsCompleted);
        _kafka.Cluster.SetAllBrokersUp();

        Assert.True(await publishing.Within(Deadline));
        output.WriteLine($"outage to all acknowledged: {clock.Elapsed}");
        var wanted = batch.Select(e => e.Change.EventId.ToString("D")).ToHashSet();
        var read = _kafka.ReadUntil(r => r.Select(m => m.EventId()).Where(wanted.Contains).Distinct().Count() == wanted.Count);
        var firstCopies = read.Where(r => wanted.Contains(r.EventId())).DistinctBy(r => r.EventId()).ToList();
        Assert.Equal(100, firstCopies.Count);
        foreach (var key in batch.Select(e => e.Change.Address.Path).Distinct())
        {
            Assert.Equal(
                batch.Where(e => e.Change.Address.Path == key).Select(e => e.Change.EventId.ToString("D")),
                firstCopies.Where(r => r.Message.Key == key).Select(r => r.EventId()));
        }
    }

    [Fact]
    public async Task PublishWaitingForDownBrokersReturnsFalseWhenCancelled()
    {
        _kafka.Cluster.SetAllBrokersDown();
        using var cancellation = new CancellationTokenSource();

        var publishing = _kafka.Publisher.PublishAsync(TestEvents.Interleaved(keys: 2, perKey: 3), cancellation.Token);
        await Eventually.HoldsAsync(_kafka.PublisherSawAllBrokersDown, Deadline, "the publisher to see all brokers down");
        Assert.False(publishing.IsCompleted);
        await cancellation.CancelAsync();

        Assert.False(await publishing.Within(Deadline));
    }

    public void Dispose() => _kafka.Dispose();
}
