using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Every log line of the Vault client (event ids 2000–2999). Lines carry methods, paths, versions and
/// status codes only: never secret values, tokens or Vault's error text (which may echo input).
/// Requests are passed as method and path strings, never as objects a structured sink could expand.
/// </summary>
internal static partial class VaultLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Vault {Method} {Path} failed before an answer arrived: {Error}")]
    public static partial void NoAnswer(this ILogger logger, string method, string path, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Vault {Method} {Path} got no answer within {TimeoutMs} ms")]
    public static partial void TimedOut(this ILogger logger, string method, string path, double timeoutMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Vault {Method} {Path} answered {Status}; retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingRead(this ILogger logger, string method, string path, int? status, int attempt, double delayMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Vault {Method} {Path} answered {Status}")]
    public static partial void Answered(this ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Vault {Method} {Path} is unavailable (status {Status})")]
    public static partial void Unavailable(this ILogger logger, string method, string path, int? status);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Vault {Method} {Path} was denied (status {Status}, invalid token: {InvalidToken})")]
    public static partial void PermissionDenied(this ILogger logger, string method, string path, int? status, bool invalidToken);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Vault {Method} {Path} was rejected (status {Status}): check the mount, path and request")]
    public static partial void Rejected(this ILogger logger, string method, string path, int? status);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Vault {Method} {Path} ended with {Outcome} (status {Status})")]
    public static partial void Outcome(this ILogger logger, string method, string path, VaultOutcome outcome, int? status);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Vault {Method} {Path} answered {Status} with a body this client cannot read")]
    public static partial void UnreadableBody(this ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Vault {Method} {Path} succeeded with {Count} warning(s)")]
    public static partial void Warnings(this ILogger logger, string method, string path, int count);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Vault is not connected: {Reason}")]
    public static partial void NotConnected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Vault {Method} login at {Path}: token issued for {LeaseSeconds} s (renewable: {Renewable})")]
    public static partial void LoggedIn(this ILogger logger, string method, string path, long leaseSeconds, bool renewable);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Vault {Method} login failed: {Problem}")]
    public static partial void LoginFailed(this ILogger logger, string method, string problem);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Vault {Method} login again: {Reason}")]
    public static partial void LoggingInAgain(this ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "Vault token ({Method}) renewed for {LeaseSeconds} s (capped by its max TTL: {Capped})")]
    public static partial void Renewed(this ILogger logger, string method, long leaseSeconds, bool capped);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "Vault token ({Method}) renewal postponed: Vault unavailable (status {Status})")]
    public static partial void RenewalPostponed(this ILogger logger, string method, int? status);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information, Message = "Vault {Method} {Path} refused the token; sent again with a new one")]
    public static partial void SentAgainWithNewToken(this ILogger logger, string method, string path);
}
