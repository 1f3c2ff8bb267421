using ConfigCluster.Gateway.Errors;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Maps expected outcomes to RFC 9457 problem responses, each with a stable <c>code</c>.</summary>
internal static class ConfigProblems
{
    public static ProblemHttpResult From(ConfigResult result, bool isRead) => result.Outcome switch
    {
        ConfigOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "Not Found", result.Detail, "not_found"),
        ConfigOutcome.AlreadyExists => Problem(StatusCodes.Status409Conflict, "Conflict", result.Detail, "already_exists"),
        ConfigOutcome.ChangedOutsideService =>
            Problem(StatusCodes.Status409Conflict, "Conflict", result.Detail, "changed_outside_service"),
        // decision 8: a read Vault cannot answer is a 404 whose detail says why; a write is a 503.
        ConfigOutcome.VaultUnavailable when isRead =>
            Problem(StatusCodes.Status404NotFound, "Not Found", result.Detail, "vault_unavailable"),
        ConfigOutcome.VaultUnavailable =>
            Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", result.Detail, "vault_unavailable"),
        ConfigOutcome.OutcomeUnknown =>
            Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", result.Detail, ProblemCodes.OutcomeUnknown),
        ConfigOutcome.DependencyUnavailable =>
            Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", result.Detail, "dependency_unavailable"),
        ConfigOutcome.IdempotencyKeyReused =>
            Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable Content", result.Detail, "idempotency_key_reused"),
        ConfigOutcome.IdempotencyKeySuperseded =>
            Problem(StatusCodes.Status409Conflict, "Conflict", result.Detail, "idempotency_key_superseded"),
        ConfigOutcome.Invalid => Problem(StatusCodes.Status400BadRequest, "Bad Request", result.Detail, "invalid"),
        ConfigOutcome.PreconditionFailed =>
            Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", result.Detail, "precondition_failed"),
        ConfigOutcome.VersionGone => Problem(StatusCodes.Status410Gone, "Gone", result.Detail, "version_gone"),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal Server Error", "Unexpected outcome.", "internal"),
    };

    public static ProblemHttpResult Unavailable(string? detail, string code) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail, code);

    /// <summary>
    /// A request refused before anything was done: 400 with an <c>errors</c> object naming each field, or 415
    /// when the body's media type or encoding cannot be read at all.
    /// </summary>
    public static ProblemHttpResult Invalid(RequestErrors errors) =>
        errors.Status == StatusCodes.Status415UnsupportedMediaType
            ? TypedResults.Problem("The body's media type or encoding is not supported; nothing was changed.",
                statusCode: errors.Status, title: "Unsupported Media Type",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.ToDictionary(), ["code"] = "unsupported_media_type" })
            : TypedResults.Problem("The request is invalid; nothing was changed.",
                statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.ToDictionary(), ["code"] = errors.Code });

    /// <summary>A problem response with its stable <c>code</c>.</summary>
    public static ProblemHttpResult Problem(int status, string title, string? detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
