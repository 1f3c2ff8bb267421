using ConfigCluster.Gateway.Access;
using ConfigCluster.Ports;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Who asks (the caller's actor), under which request id, and with which idempotency key.</summary>
internal static class RequestContext
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>The IETF draft's header: a retry with the same key and body answers the first attempt's outcome.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static ChangeContext For(HttpContext http, CallerPrincipal caller, RequestErrors errors)
    {
        var requestId = http.Request.Headers[RequestIdHeader].ToString();
        if (!IsToken(requestId, 128))
        {
            requestId = http.TraceIdentifier;
        }

        return new ChangeContext(caller.Actor, requestId, IdempotencyKeyOf(http.Request, errors));
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
