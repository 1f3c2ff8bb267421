using ConfigCluster.Gateway.Access;
using ConfigCluster.Ports;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Who asks (the caller's actor), under which request id, with which idempotency key and, for writes of what exists, which version it expects.</summary>
internal static class RequestContext
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>The IETF draft's header: a retry with the same key and body answers the first attempt's outcome.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static ChangeContext For(HttpContext http, CallerPrincipal caller, RequestErrors errors) =>
        new(caller.Actor, RequestIdOf(http), IdempotencyKeyOf(http.Request, errors));

    /// <summary>As <see cref="For(HttpContext, CallerPrincipal, RequestErrors)"/>, with the version <c>If-Match</c> names.</summary>
    public static ChangeContext ForConditional(HttpContext http, CallerPrincipal caller, RequestErrors errors) =>
        For(http, caller, errors) with { ExpectedVersion = EntityTags.IfMatch(http.Request, errors, "configuration") };

    /// <summary>The client's <c>X-Request-Id</c> when it is a token of at most 128 characters, else the gateway's own.</summary>
    public static string RequestIdOf(HttpContext http)
    {
        var requestId = http.Request.Headers[RequestIdHeader].ToString();
        return IsToken(requestId, 128) ? requestId : http.TraceIdentifier;
    }

    private static string? IdempotencyKeyOf(HttpRequest request, RequestErrors errors)
    {
        var values = request.Headers[IdempotencyKeyHeader];
        if (values.Count == 0)
        {
            return null;
        }

        var key = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        if (IsToken(key, IdempotencyKey.MaxLength))
        {
            return key;
        }

        errors.Add(IdempotencyKeyHeader,
            $"'{IdempotencyKeyHeader}' must be one value of 1 to {IdempotencyKey.MaxLength} printable ASCII characters without spaces.");
        return null;
    }

    private static bool IsToken(string value, int maxLength) =>
        value.Length >= 1 && value.Length <= maxLength && value.All(c => c is > ' ' and < '\u007f');
}
