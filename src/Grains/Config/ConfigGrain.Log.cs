using Microsoft.Extensions.Logging;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// Log messages of <see cref="ConfigGrain"/> (event ids 1000-1099): paths and versions, never values.
/// Acknowledged changes log at Debug: the audit table and the change events are their record, and a line
/// per change at Information cost a tenth of a silo's CPU at a thousand writes a second (console logger
/// queue and its lock).
/// </summary>
internal sealed partial class ConfigGrain
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Created config {Path} at version {Version}")]
    private partial void LogCreated(string path, long version);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Updated config {Path} to version {Version}")]
    private partial void LogUpdated(string path, long version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Deleted config {Path} (was version {Version})")]
    private partial void LogDeleted(string path, long version);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Refused to {Operation} config {Path}: Vault no longer holds version {ExpectedVersion}, it was changed outside the service")]
    private partial void LogChangedOutside(string operation, string path, long expectedVersion);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Cannot {Operation} config {Path}: Vault is not available ({Detail})")]
    private partial void LogVaultUnavailable(string operation, string path, string? detail);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Could not set max_versions on {Path}; will retry on its next write ({Detail})")]
    private partial void LogRetentionPending(string path, string? detail);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Cannot {Operation} config {Path}: the audit log is not available ({Detail})")]
    private partial void LogAuditUnavailable(string operation, string path, string? detail);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information,
        Message = "A retried write of {Path} repeats the outcome of change {ChangeId} ({State})")]
    private partial void LogReplayed(string path, long changeId, string state);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "Could not settle change {ChangeId} of {Path} in the audit log; the change relay will ({Detail})")]
    private partial void LogSettleFailed(long changeId, string path, string? detail);
}
