using System.Text.Json;
using ConfigCluster.Kafka.Native;
using Confluent.Kafka;

namespace ConfigCluster.BenchTools.Latency;

/// <summary>
/// A Kafka consumer of the change events from the end of every partition (no group: it reads, it does
/// not share), recording each event of one service as it arrives. <c>fetch.wait.max.ms</c> is short,
/// as for any consumer that cares about latency.
/// </summary>
internal sealed class KafkaTap : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    private KafkaTap(string bootstrap, string topic, string keyPrefix, ArrivalLog log)
    {
        LibrdkafkaLoader.EnsureLoaded();
        var partitions = Partitions(bootstrap, topic);
        _thread = new Thread(() => Consume(bootstrap, partitions, keyPrefix, log, _stop.Token)) { IsBackground = true, Name = "kafka-tap" };
        _thread.Start();
    }

    public static KafkaTap Start(string bootstrap, string topic, string keyPrefix, ArrivalLog log) => new(bootstrap, topic, keyPrefix, log);

    private static List<TopicPartitionOffset> Partitions(string bootstrap, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        return metadata.Topics.Single().Partitions
            .Select(p => new TopicPartitionOffset(topic, new Partition(p.PartitionId), Offset.End))
            .ToList();
    }

    private static void Consume(string bootstrap, List<TopicPartitionOffset> partitions, string keyPrefix, ArrivalLog log, CancellationToken stop)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "configcluster-bench",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(partitions);
        while (!stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message is { } message && message.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
            {
                log.Record(message.Key[keyPrefix.Length..], VersionOf(message.Value));
            }
        }

        consumer.Close();
    }

    private static long VersionOf(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("version").GetInt64();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
