namespace ConfigCluster.Gateway.Errors;

/// <summary>
/// Gives an error status that nothing wrote a body for (no route: 404, wrong method: 405, ...) an
/// application/problem+json body, as <c>UseStatusCodePages</c> does with problem details registered.
/// Unlike it, a request that needs nothing (every success) costs no allocation and no await here:
/// it sits on the path of every cached read.
/// </summary>
internal sealed class EmptyErrorProblems(RequestDelegate next, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var handled = next(context);
        return handled.IsCompletedSuccessfully && !NeedsBody(context.Response) ? Task.CompletedTask : AnswerAsync(handled, context);
    }

    private async Task AnswerAsync(Task handled, HttpContext context)
    {
        await handled;
        if (NeedsBody(context.Response))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = context.Response.StatusCode },
            });
        }
    }

    /// <summary>An error status with no body begun or announced (no Content-Length, no Content-Type).</summary>
    private static bool NeedsBody(HttpResponse response) =>
        !response.HasStarted && response.StatusCode is >= 400 and < 600
        && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType);
}
