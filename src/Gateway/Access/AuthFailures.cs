using System.Diagnostics.Metrics;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Failed authentications: counted in <c>configcluster.auth.failures</c> (tagged <c>reason</c>) and logged with the
/// reason and the client's address, never with the credential.
/// </summary>
public sealed partial class AuthFailures
{
    public const string MalformedKey = "malformed_key";
    public const string UnknownKey = "unknown_key";
    public const string RevokedKey = "revoked_key";
    public const string ExpiredKey = "expired_key";
    public const string InvalidToken = "invalid_token";
    public const string UnsupportedCredential = "unsupported_credential";

    private readonly Counter<long> _failures;
    private readonly ILogger<AuthFailures> _logger;

    public AuthFailures(IMeterFactory meters, ILogger<AuthFailures> logger)
    {
        _logger = logger;
        _failures = meters.Create(Hosting.Health.DependencyHealthPublisher.MeterName)
            .CreateCounter<long>("configcluster.auth.failures", description: "Requests refused because their credential was invalid.");
    }

    public void Record(HttpContext context, string reason)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LogFailed(reason, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.Request.Path.Value ?? string.Empty);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Authentication failed ({Reason}) for a request from {Client} to {Path}")]
    private partial void LogFailed(string reason, string client, string path);
}
