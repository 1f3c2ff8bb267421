namespace ConfigCluster.Gateway.Errors;

/// <summary>
/// The limits of a request line and of a request's headers, answered as problem+json (414, 431). Kestrel's own
/// limits are set far above these (<see cref="KestrelRequestLineBytes"/>): what Kestrel refuses itself gets an
/// empty response before any application code runs, so the documented limits are enforced here instead.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>Path and query, in characters as received.</summary>
    public const int MaxRequestTarget = 8 * 1024;

    /// <summary>Every header name and value together, in characters.</summary>
    public const int MaxHeaders = 32 * 1024;

    /// <summary>Kestrel's hard limits (request line; headers in all): beyond them Kestrel answers alone.</summary>
    public const int KestrelRequestLineBytes = 256 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxRequestTarget)
        {
            return Refuse(context, StatusCodes.Status414UriTooLong);
        }

        return HeaderCharacters(request.Headers) > MaxHeaders
            ? Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge)
            : next(context);
    }

    private static Task Refuse(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static int HeaderCharacters(IHeaderDictionary headers)
    {
        var total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }
}
