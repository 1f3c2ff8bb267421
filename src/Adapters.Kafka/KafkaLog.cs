using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>Every log line of the Kafka adapter (event ids 3200-3299). Keys and counts only, never config values.</summary>
internal static partial class KafkaLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information,
        Message = "Kafka producer {ClientId} publishes change events to topic {Topic} via {BootstrapServers}")]
    public static partial void ProducerStarted(ILogger logger, string clientId, string topic, string bootstrapServers);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "Kafka did not persist the change event for {Path} ({Code}: {Reason}); the batch of {Count} will be sent again")]
    public static partial void DeliveryFailed(ILogger logger, string path, ErrorCode code, string reason, int count);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug,
        Message = "Publishing {Count} change events was cancelled before Kafka acknowledged them all")]
    public static partial void PublishCancelled(ILogger logger, int count);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning,
        Message = "The Kafka producer refused a change event ({Code}: {Reason}); the batch of {Count} will be sent again")]
    public static partial void ProduceRefused(ILogger logger, ErrorCode code, string reason, int count);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error,
        Message = "The Kafka producer failed fatally ({Code}: {Reason}); it is rebuilt before the next batch")]
    public static partial void FatalError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Rebuilt the Kafka producer after a fatal error")]
    public static partial void ProducerRebuilt(ILogger logger);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning,
        Message = "Kafka client error ({Code}: {Reason}); {Suppressed} similar errors were suppressed before this one")]
    public static partial void ClientError(ILogger logger, ErrorCode code, string reason, int suppressed);

    [LoggerMessage(EventId = 3207,
        Message = "librdkafka {Facility}: {Text} ({Suppressed} similar lines were suppressed before this one)")]
    public static partial void Librdkafka(ILogger logger, LogLevel level, string facility, string text, int suppressed);
}
