using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// Every log line of the Redis adapter (event ids 3100–3199). Lines carry commands, keys and reasons only:
/// never config values, never the connection string (it may hold a password).
/// </summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning,
        Message = "Redis is unavailable ({Command} {Key}: {Reason}); cache calls are misses until it answers again")]
    public static partial void Unavailable(this ILogger logger, string command, string key, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Redis answers again; the shared cache is back in use")]
    public static partial void Available(this ILogger logger);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Connecting to Redis at {EndPoints} (database {Database})")]
    public static partial void Connecting(this ILogger logger, string endPoints, int database);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not set up the Redis connection ({Reason}); retrying on the next cache call")]
    public static partial void ConnectFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Removed unreadable cache entry {Key} (treated as a miss)")]
    public static partial void CorruptEntry(this ILogger logger, string key);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "Redis {Command} {Key} failed: {Reason}")]
    public static partial void CallFailed(this ILogger logger, string command, string key, string reason);
}
