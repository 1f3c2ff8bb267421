using ConfigCluster.Adapters.Kafka.Tests.Support;
using ConfigCluster.DevKafka;
using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class MockKafkaClusterTests
{
    [Fact]
    public async Task PlainClientsProduceAndConsumeThroughTheBootstrapServers()
    {
        using var cluster = MockKafkaCluster.Start(brokers: 2, ("plain", 2));
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            await producer.ProduceAsync("plain", new Message<string, string> { Key = "k", Value = "hello" }).WaitAsync(TimeSpan.FromSeconds(20));
        }

        var read = TopicReader.ReadUntil(cluster.BootstrapServers, "plain", 2, r => r.Count == 1, TimeSpan.FromSeconds(20));

        Assert.Equal(2, cluster.BrokerCount);
        Assert.Equal(2, cluster.BootstrapServers.Split(',').Length);
        Assert.Equal("k", Assert.Single(read).Message.Key);
    }

    [Fact]
    public void BrokerIdsOutsideTheClusterAreRejected()
    {
        using var cluster = MockKafkaCluster.Start(brokers: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerUp(2));
    }

    [Fact]
    public void DisposedClusterRefusesFurtherCommands()
    {
        var cluster = MockKafkaCluster.Start(brokers: 1);
        cluster.Dispose();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.SetAllBrokersDown());
    }
}
