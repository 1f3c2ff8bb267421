using ConfigCluster.DevKafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka.Tests.Support;

/// <summary>A mock cluster with the events topic and a publisher on it; one per test.</summary>
internal sealed class KafkaHarness : IDisposable
{
    public const string Topic = "config-events";
    public const int Partitions = 6;

    public KafkaHarness(int brokers = 3)
    {
        Cluster = MockKafkaCluster.Start(brokers, (Topic, Partitions));
        Options = new KafkaOptions { BootstrapServers = Cluster.BootstrapServers, Topic = Topic };
        Publisher = new KafkaChangePublisher(Microsoft.Extensions.Options.Options.Create(Options), Logger, TimeProvider.System);
    }

    public MockKafkaCluster Cluster { get; }

    public KafkaOptions Options { get; }

    public RecordingLogger<KafkaChangePublisher> Logger { get; } = new();

    public KafkaChangePublisher Publisher { get; }

    public KafkaProbe Probe() => new(Publisher, Microsoft.Extensions.Options.Options.Create(Options));

    /// <summary>True once the publisher's client reported that all brokers are down (through the log bridge).</summary>
    public bool PublisherSawAllBrokersDown() =>
        Logger.Entries.Any(e => e.EventId == 3206 && e.Text.Contains(nameof(Confluent.Kafka.ErrorCode.Local_AllBrokersDown), StringComparison.Ordinal));

    public List<ConsumeResult<string, byte[]>> ReadUntil(Func<IReadOnlyList<ConsumeResult<string, byte[]>>, bool> done) =>
        TopicReader.ReadUntil(Cluster.BootstrapServers, Topic, Partitions, done, TimeSpan.FromSeconds(20));

    public void Dispose()
    {
        Publisher.Dispose();
        Cluster.Dispose();
    }
}
