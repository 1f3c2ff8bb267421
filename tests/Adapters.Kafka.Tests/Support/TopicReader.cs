using System.Text;
using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka.Tests.Support;

/// <summary>A plain Confluent consumer reading a whole topic from the beginning, without a consumer group.</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<string, byte[]>> ReadUntil(
        string bootstrapServers, string topic, int partitions, Func<IReadOnlyList<ConsumeResult<string, byte[]>>, bool> done, TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var read = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (!done(read))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Read {read.Count} messages from {topic} within {timeout}; wanted more.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                read.Add(result);
            }
        }

        consumer.Close();
        return read;
    }

    public static string EventId(this ConsumeResult<string, byte[]> result) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(ChangeEventMessage.EventIdHeader));
}
