namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>
/// Every log line of the legacy migration (event ids 7100–7119): run ids, table descriptions without a password,
/// names and counts; never a value or a connection string.
/// </summary>
internal static partial class LegacyMigrationLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information,
        Message = "Legacy migration {Id} started by {Actor}: {Total} rows of {Source} (dry run: {DryRun}, remove migrated: {RemoveMigrated})")]
    public static partial void Started(this ILogger logger, Guid id, string actor, long total, string source, bool dryRun, bool removeMigrated);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Legacy migration {Id} completed in {ElapsedMs} ms ({RowsPerSecond:0} rows/s): {Summary}")]
    public static partial void Completed(this ILogger logger, Guid id, long elapsedMs, double rowsPerSecond, string summary);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Legacy migration {Id} failed after {Done} rows: {Reason}")]
    public static partial void Failed(this ILogger logger, Guid id, long done, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Legacy migration {Id} was interrupted after {Done} rows; run it again to resume")]
    public static partial void Interrupted(this ILogger logger, Guid id, long done);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Legacy migration {Id} left {Path} in place: {Reason}")]
    public static partial void RowFailed(this ILogger logger, Guid id, string path, string reason);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Legacy migration {Id} could not record its state: {Detail}")]
    public static partial void StateNotRecorded(this ILogger logger, Guid id, string? detail);
}
