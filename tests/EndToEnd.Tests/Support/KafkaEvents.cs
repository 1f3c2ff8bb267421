using System.Text;
using Confluent.Kafka;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>Reads the change events from the start of the topic with an ordinary Kafka consumer.</summary>
public static class KafkaEvents
{
    public const string Topic = "config-events";

    public const string AccessTopic = "access-events";

    public const string FlagTopic = "flag-events";

    public const string RegistryTopic = "registry-events";

    public sealed record Event(string Key, string EventId, string EventType, string ConfigKey, long Version, string RawValue);

    /// <summary>Consumes until <paramref name="done"/> holds for what was read so far, or the deadline passes.</summary>
    public static IReadOnlyList<Event> ReadUntil(string bootstrap, Func<IReadOnlyList<Event>, bool> done, TimeSpan within) =>
        ReadUntil(bootstrap, Topic, done, within);

    /// <summary>As <see cref="ReadUntil(string, Func{IReadOnlyList{Event}, bool}, TimeSpan)"/>, from another topic.</summary>
    public static IReadOnlyList<Event> ReadUntil(string bootstrap, string topic, Func<IReadOnlyList<Event>, bool> done, TimeSpan within)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"e2e-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var events = new List<Event>();
        var deadline = DateTime.UtcNow + within;
        while (!done(events) && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message)
            {
                events.Add(Parse(message.Key, Encoding.UTF8.GetString(message.Value)));
            }
        }

        consumer.Close();
        return events;
    }

    /// <summary>Events by id, first delivery kept (consumers deduplicate by event id).</summary>
    public static IReadOnlyList<Event> Deduplicated(IEnumerable<Event> events) =>
        events.GroupBy(e => e.EventId).Select(g => g.First()).ToList();

    private static Event Parse(string key, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.TryGetProperty("key", out var configKey) ? configKey.GetString()!
            : root.TryGetProperty("instance_id", out var instance) ? instance.GetString()! : root.GetProperty("id").GetString()!;
        var version = root.TryGetProperty("version", out var v) ? v.GetInt64() : root.TryGetProperty("index", out var i) ? i.GetInt64() : 0;
        return new Event(key, root.GetProperty("event_id").GetString()!, root.GetProperty("event_type").GetString()!, name, version, json);
    }
}
