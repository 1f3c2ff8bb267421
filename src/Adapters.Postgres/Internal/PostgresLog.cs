using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Every log line of the PostgreSQL adapter (event ids 3000–3099). Lines carry operations, ids, versions,
/// SQLSTATEs and host names: never config values, passwords or connection strings.
/// </summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Version} {Name} in {ElapsedMs} ms")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "PostgreSQL schema migrations up to {Version} are in place ({Applied} applied by this run)")]
    public static partial void MigrationsDone(this ILogger logger, int version, int applied);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "PostgreSQL schema has migration(s) {Versions} that this build does not know (a newer build ran)")]
    public static partial void UnknownMigrations(this ILogger logger, string versions);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "PostgreSQL at {Target} is not reachable for migrations ({Reason}); retry {Attempt} in {DelayMs} ms")]
    public static partial void MigrationRetry(this ILogger logger, string target, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "PostgreSQL migrations at {Target} failed: {Reason}")]
    public static partial void MigrationsFailed(this ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Change log {Operation} failed: {Detail}")]
    public static partial void Unavailable(this ILogger logger, string operation, string detail);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Took the change relay lease")]
    public static partial void LeaseAcquired(this ILogger logger);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Released the change relay lease")]
    public static partial void LeaseReleased(this ILogger logger);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Could not unlock the change relay lease ({Reason}); its connection is dropped, which releases it")]
    public static partial void LeaseReleaseFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3050, Level = LogLevel.Warning, Message = "Lost the PostgreSQL listener on channel {Channel} ({Reason}); it reconnects in a second and resyncs")]
    public static partial void ListenerFailed(this ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Debug, Message = "Deleted {Count} idempotency keys past their retention")]
    public static partial void ExpiredKeysDeleted(this ILogger logger, int count);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Debug, Message = "Listening for committed changes on PostgreSQL")]
    public static partial void Listening(this ILogger logger);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Lost the PostgreSQL listener for committed changes ({Reason}); it reconnects on the next wait")]
    public static partial void ListenerFailed(this ILogger logger, string reason);
}
