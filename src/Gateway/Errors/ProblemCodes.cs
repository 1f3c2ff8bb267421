using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Errors;

/// <summary>
/// Completes every problem response the gateway writes, whoever wrote it (an endpoint, the exception handler,
/// a status without a body): a stable <c>code</c> when it has none, the request id, and <c>Retry-After</c> on a
/// 503. A grain call that ended without an answer becomes a 503 that says what the caller can and cannot know.
/// </summary>
internal static class ProblemCodes
{
    public const string OutcomeUnknown = "outcome_unknown";

    /// <summary>Seconds a client should wait before retrying a 503.</summary>
    public const string RetryAfterSeconds = "1";

    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when GrainCallFailure.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        if (context.Exception is { } exception && GrainCallFailure.Is(exception))
        {
            DescribeGrainCallFailure(problem, GrainCallFailure.IsWrite(http.Request),
                http.Request.Path.StartsWithSegments("/api/v1/flags", StringComparison.Ordinal));
        }

        problem.Extensions.TryAdd("code", CodeFor(problem.Status ?? http.Response.StatusCode));
        problem.Extensions.TryAdd("request_id", http.TraceIdentifier);
        if ((problem.Status ?? http.Response.StatusCode) == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
    }

    private static void DescribeGrainCallFailure(ProblemDetails problem, bool isWrite, bool isFlagWrite)
    {
        problem.Status = StatusCodes.Status503ServiceUnavailable;
        problem.Title = "Service Unavailable";
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4";
        if (isWrite)
        {
            problem.Detail = "The outcome of this write is unknown: the silo handling it stopped answering before it " +
                "replied, so the write may or may not have been applied. " + (isFlagWrite
                    ? "Retry it as it was: a flag write that finds its change already made answers with the flag and changes nothing."
                    : "Retry it with the same Idempotency-Key to learn its outcome (it is applied at most once), or read the config.");
            problem.Extensions["code"] = OutcomeUnknown;
        }
        else
        {
            problem.Detail = "The silo handling this request stopped answering; nothing was changed. Try again.";
            problem.Extensions["code"] = "unavailable";
        }
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status404NotFound => "route_not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status408RequestTimeout => "request_timeout",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status414UriTooLong => "uri_too_long",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "request_headers_too_large",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => status >= 500 ? "internal" : "bad_request",
    };
}
