using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Maps the outcomes of registry operations to problem responses, each with a stable <c>code</c>.</summary>
internal static class RegistryProblems
{
    public static ProblemHttpResult From(RegistryResult result) => result.Outcome switch
    {
        RegistryOutcome.NotFound => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            extensions: new Dictionary<string, object?> { ["code"] = "not_found" }),
        RegistryOutcome.Invalid => ConfigProblems.Invalid(RequestErrors.Of((result.Problems ?? []).Select(p => (p.Field, p.Message)))),
        RegistryOutcome.Unavailable => ConfigProblems.Unavailable(result.Detail, "dependency_unavailable"),
        _ => TypedResults.Problem("Unexpected outcome.", statusCode: StatusCodes.Status500InternalServerError, title: "Internal Server Error",
            extensions: new Dictionary<string, object?> { ["code"] = "internal" }),
    };

    /// <summary>The environment's registry is not held and the store did not answer: 503, nothing was read.</summary>
    public static ProblemHttpResult RegistryUnavailable(string environment) =>
        ConfigProblems.Unavailable(
            $"The registry of environment '{environment}' cannot be read now: the registry store (PostgreSQL) is not available.",
            "dependency_unavailable");
}
