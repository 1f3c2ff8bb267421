using ConfigCluster.Adapters.Kafka.Tests.Support;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaChangePublisherFatalErrorTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly KafkaHarness _kafka = new();

    [Fact]
    public async Task AfterAFatalProducerErrorTheNextBatchGoesThroughARebuiltProducer()
    {
        var failedHandle = _kafka.Publisher.Handle;
        FatalErrors.Trigger(failedHandle);
        await Eventually.HoldsAsync(() => _kafka.Logger.Has(3204), Deadline, "the fatal error to be reported");
        var next = TestEvents.Change("after-fatal", 1);

        Assert.True(await _kafka.Publisher.PublishAsync([next], CancellationToken.None).Within(Deadline));

        Assert.True(_kafka.Logger.Has(3205));
        Assert.NotSame(failedHandle, _kafka.Publisher.Handle);
        Assert.Equal(next.Change.EventId.ToString("D"), Assert.Single(_kafka.ReadUntil(r => r.Count == 1)).EventId());
    }

    public void Dispose() => _kafka.Dispose();
}
