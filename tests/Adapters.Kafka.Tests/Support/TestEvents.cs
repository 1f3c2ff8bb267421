using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Ports;

namespace ConfigCluster.Adapters.Kafka.Tests.Support;

internal static class TestEvents
{
    private static long _nextId;

    public static OutboxEvent Change(string key, long version, ChangeAction action = ChangeAction.Updated, string environment = "prod") =>
        new(Interlocked.Increment(ref _nextId), new ChangeRecord(
            Guid.NewGuid(),
            action,
            new ConfigAddress(environment, "billing", key),
            action == ChangeAction.Created ? 0 : version - 1,
            action == ChangeAction.Deleted ? 0 : version,
            IsEncrypted: false,
            Actor: "alice",
            RequestId: $"req-{version}",
            At: DateTimeOffset.UtcNow));

    /// <summary><paramref name="perKey"/> versions of each of <paramref name="keys"/> keys, interleaved by version.</summary>
    public static List<OutboxEvent> Interleaved(int keys, int perKey) =>
        [.. Enumerable.Range(1, perKey).SelectMany(version => Enumerable.Range(0, keys).Select(k => Change($"key-{k}", version)))];
}
