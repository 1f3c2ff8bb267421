using System.Text;
using System.Text.Json;
using ConfigCluster.Adapters.Kafka.Tests.Support;
using ConfigCluster.Ports;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaChangePublisherTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly KafkaHarness _kafka = new();

    [Fact]
    public async Task PublishedEventReachesAConsumerWithThePathKeyTheEventJsonAndTheEventIdHeader()
    {
        var created = TestEvents.Change("db-url", 1, ChangeAction.Created);

        Assert.True(await _kafka.Publisher.PublishAsync([created], CancellationToken.None).Within(Deadline));

        var message = Assert.Single(_kafka.ReadUntil(read => read.Count == 1)).Message;
        var change = created.Change;
        Assert.Equal("prod/billing/db-url", message.Key);
        Assert.Equal(change.EventId.ToString("D"), Encoding.UTF8.GetString(message.Headers.GetLastBytes("event_id")));
        using var json = JsonDocument.Parse(message.Value);
        var root = json.RootElement;
        Assert.Equal(
            ["event_id", "event_type", "environment", "service_name", "key", "version", "old_version", "is_encrypted", "timestamp", "actor", "request_id"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(change.EventId, root.GetProperty("event_id").GetGuid());
        Assert.Equal("created", root.GetProperty("event_type").GetString());
        Assert.Equal(("prod", "billing", "db-url"), (root.GetProperty("environment").GetString(), root.GetProperty("service_name").GetString(), root.GetProperty("key").GetString()));
        Assert.Equal((1, 0), (root.GetProperty("version").GetInt64(), root.GetProperty("old_version").GetInt64()));
        Assert.False(root.GetProperty("is_encrypted").GetBoolean());
        Assert.EndsWith("Z", root.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal(change.At, root.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(("alice", "req-1"), (root.GetProperty("actor").GetString(), root.GetProperty("request_id").GetString()));
        Assert.False(root.TryGetProperty("value", out _));
    }

    [Fact]
    public async Task EventsOfOneKeyKeepTheirOrderAcrossABatch()
    {
        var batch = TestEvents.Interleaved(keys: 3, perKey: 20);

        Assert.True(await _kafka.Publisher.PublishAsync(batch, CancellationToken.None).Within(Deadline));

        var read = _kafka.ReadUntil(r => r.Count == batch.Count);
        foreach (var key in batch.Select(e => e.Change.Address.Path).Distinct())
        {
            Assert.Equal(
                batch.Where(e => e.Change.Address.Path == key).Select(e => e.Change.EventId.ToString("D")),
                read.Where(r => r.Message.Key == key).Select(r => r.EventId()));
        }
    }

    [Fact]
    public async Task EmptyBatchIsPublishedAtOnce()
    {
        Assert.True(await _kafka.Publisher.PublishAsync([], CancellationToken.None).Within(Deadline));
    }

    public void Dispose() => _kafka.Dispose();
}
