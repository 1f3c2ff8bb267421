using ConfigCluster.Gateway.Access;
using ConfigCluster.Ports;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Who asks (the caller's actor), under which request id, and with which idempotency key.</summary>
internal static class RequestContext
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>The IETF draft's header: a retry with the same key and body answers the first attempt's outcome.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static ChangeContext For(HttpContext http, CallerPrincipal caller, RequestErrors errors) =>
        new(caller.Actor, RequestIdOf(http), IdempotencyKeyOf(http.Request, errors));

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
