using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>One producer instance and whether librdkafka declared it fatally failed (it must then be replaced).</summary>
internal sealed class ProducerSlot : IDisposable
{
    private volatile bool _fatal;
    private IProducer<string, byte[]>? _producer;

    public IProducer<string, byte[]> Producer => _producer ?? throw new InvalidOperationException("The producer is not built yet.");

    public bool IsFatal => _fatal;

    public void Attach(IProducer<string, byte[]> producer) => _producer = producer;

    public void MarkFatal() => _fatal = true;

    public void Dispose() => _producer?.Dispose();
}
