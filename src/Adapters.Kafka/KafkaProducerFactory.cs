using ConfigCluster.Kafka.Native;
using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>Builds the publisher's producer: idempotent, acks from all in-sync replicas, retrying forever.</summary>
internal sealed class KafkaProducerFactory(KafkaOptions options, LibrdkafkaLogBridge logBridge)
{
    public ProducerSlot Create()
    {
        LibrdkafkaLoader.EnsureLoaded();
        var slot = new ProducerSlot();
        var producer = new ProducerBuilder<string, byte[]>(CreateConfig(options))
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    slot.MarkFatal();
                }

                logBridge.OnError(error);
            })
            .SetLogHandler((_, message) => logBridge.OnLog(message))
            .Build();
        slot.Attach(producer);
        return slot;
    }

    /// <summary>
    /// Idempotence gives each partition's messages sequence numbers that the broker checks, so a retried request
    /// can neither be written twice nor overtake a later one (librdkafka keeps at most 5 requests in flight, the
    /// window in which the broker tracks sequences). With <c>message.timeout.ms=0</c> librdkafka retries for as
    /// long as it takes, so nothing is dropped while the brokers are down.
    /// </summary>
    internal static ProducerConfig CreateConfig(KafkaOptions options) =>
        new(new Dictionary<string, string>(options.ProducerSettings, StringComparer.Ordinal))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            MaxInFlight = 5,
            MessageTimeoutMs = 0,
            LingerMs = options.LingerMs,
            // Same key -> same partition as Java clients (murmur2), so every config's events share one partition.
            Partitioner = Partitioner.Murmur2Random,
        };
}
