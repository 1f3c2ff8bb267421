using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Maps the outcomes of flag operations to problem responses, each with a stable <c>code</c>.</summary>
internal static class FlagProblems
{
    public static ProblemHttpResult From(FlagResult result, bool conditional) => result.Outcome switch
    {
        FlagOutcome.NotFound => ConfigProblems.Problem(StatusCodes.Status404NotFound, "Not Found", result.Detail, "not_found"),
        FlagOutcome.AlreadyExists => ConfigProblems.Problem(StatusCodes.Status409Conflict, "Conflict", result.Detail, "already_exists"),
        // Without If-Match the caller asked for no condition: the flag changed around the grain (a hand edit).
        FlagOutcome.VersionMismatch when conditional =>
            ConfigProblems.Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", result.Detail, "precondition_failed"),
        FlagOutcome.VersionMismatch => ConfigProblems.Problem(StatusCodes.Status409Conflict, "Conflict", result.Detail, "conflict"),
        FlagOutcome.Invalid => ConfigProblems.Invalid(RequestErrors.Of((result.Problems ?? []).Select(p => (p.Field, p.Message)))),
        FlagOutcome.Unavailable => ConfigProblems.Unavailable(result.Detail, "dependency_unavailable"),
        _ => ConfigProblems.Problem(StatusCodes.Status500InternalServerError, "Internal Server Error", "Unexpected outcome.", "internal"),
    };

    public static ProblemHttpResult NotFound(string environment, string key) =>
        ConfigProblems.Problem(StatusCodes.Status404NotFound, "Not Found", $"No flag '{key}' in environment '{environment}'.", "not_found");

    /// <summary>The environment's flags are not held and the store did not answer: 503, nothing was read.</summary>
    public static ProblemHttpResult FlagsUnavailable(string environment) =>
        ConfigProblems.Unavailable(
            $"The flags of environment '{environment}' cannot be read now: the flag store (PostgreSQL) is not available.",
            "dependency_unavailable");
}
