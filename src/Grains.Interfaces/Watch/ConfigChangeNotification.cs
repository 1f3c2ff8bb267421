using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Watch;

/// <summary>
/// Sent to watchers after a change is acknowledged. Like the Kafka event it carries no value: a watcher
/// that needs the value reads the config (and so goes through the same rules as every reader).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigChangeNotification")]
public sealed record ConfigChangeNotification(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] ConfigAddress Address,
    [property: Id(2)] ConfigChangeKind Kind,
    [property: Id(3)] long Version,
    [property: Id(4)] bool IsEncrypted,
    [property: Id(5)] DateTimeOffset At);
