using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Flags;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Evaluations in the REST API's shape: one flag (<c>POST /api/v1/flags/{key}/evaluate</c>) or every flag of an
/// environment (<c>POST /api/v1/flags/evaluate</c>, with an ETag and 304 for an unchanged answer). A failed
/// evaluation is still a 200: reason <c>ERROR</c>, its code and details, and the default variant when there is one.
/// </summary>
public static partial class FlagApi
{
    private static async Task<IResult> EvaluateAsync(string key, HttpContext http, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var environment = FlagQuery.Environment(RawQuery.Of(http.Request), errors);
        errors.Add(ConfigName.Check("key", key));
        if (ReadRefusal(http, access, environment, errors) is { } refusal)
        {
            return refusal;
        }

        var (context, _) = await EvaluationContextReader.ReadApiAsync(http.Request, errors, cancellationToken);
        var (flags, problem) = await FlagsOfAsync(snapshots, environment, errors);
        if (flags is null)
        {
            return problem!;
        }

        return flags.Find(key) is { } flag
            ? new JsonBody(FlagBodies.Evaluation(FlagEvaluator.Evaluate(flag, context!)))
            : FlagProblems.NotFound(environment!, key);
    }

    private static async Task<IResult> EvaluateAllAsync(HttpContext http, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var environment = FlagQuery.Environment(RawQuery.Of(http.Request), errors);
        if (ReadRefusal(http, access, environment, errors) is { } refusal)
        {
            return refusal;
        }

        var (context, raw) = await EvaluationContextReader.ReadApiAsync(http.Request, errors, cancellationToken);
        var (flags, problem) = await FlagsOfAsync(snapshots, environment, errors);
        if (flags is null)
        {
            return problem!;
        }

        return EvaluationETag.NotModified(http, EvaluationETag.Of(flags, raw))
            ?? new JsonBody(FlagBodies.Evaluations(flags.Environment, [.. flags.Ordered.Select(f => FlagEvaluator.Evaluate(f, context!))]));
    }
}
