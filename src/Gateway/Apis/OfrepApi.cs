using System.Text.Json;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Errors;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Flags;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// OpenFeature's remote evaluation protocol (OFREP 0.3): <c>POST /ofrep/v1/evaluate/flags/{key}</c> and the bulk
/// <c>POST /ofrep/v1/evaluate/flags</c>, with the request and response bodies, status codes and error codes of its
/// OpenAPI document, so that a standard OFREP provider needs only the base URL and its headers. The environment is
/// the credential's when its read grants name exactly one; else the <c>X-Environment</c> header's, else the
/// context's <c>environment</c> attribute. Credentials are the API's own (<c>X-API-Key</c>, or a bearer token).
/// </summary>
public static class OfrepApi
{
    public const string EnvironmentHeader = "X-Environment";
    public const string EnvironmentAttribute = "environment";

    public static IEndpointRouteBuilder MapOfrepApi(this IEndpointRouteBuilder endpoints)
    {
        var snapshots = endpoints.ServiceProvider.GetRequiredService<FlagSnapshots>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var ofrep = endpoints.MapGroup("/ofrep/v1/evaluate/flags").WithTags("OFREP");
        ofrep.MapPost("/", (HttpContext http, CancellationToken ct) => EvaluateAllAsync(http, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationContextReader.MaxBodyBytes));
        ofrep.MapPost("/{key}", (string key, HttpContext http, CancellationToken ct) => EvaluateAsync(key, http, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationContextReader.MaxBodyBytes));
        return endpoints;
    }

    private static async Task<IResult> EvaluateAsync(string key, HttpContext http, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        var (request, flags, answer) = await PrepareAsync(http, snapshots, access, key, cancellationToken);
        if (flags is null)
        {
            return answer!;
        }

        if (!ConfigName.IsValid(key) || flags.Find(key) is not { } flag)
        {
            var notFound = FlagEvaluation.NotFound(key);
            return new JsonBody(OfrepBodies.Failure(key, FlagErrorCode.FlagNotFound, notFound.ErrorDetails), StatusCodes.Status404NotFound);
        }

        var evaluation = FlagEvaluator.Evaluate(flag, request!.Context!);
        return evaluation.Error is { } error
            ? new JsonBody(OfrepBodies.Failure(key, error, evaluation.ErrorDetails), StatusCodes.Status400BadRequest)
            : new JsonBody(OfrepBodies.Evaluation(evaluation));
    }

    private static async Task<IResult> EvaluateAllAsync(HttpContext http, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        var (request, flags, answer) = await PrepareAsync(http, snapshots, access, key: null, cancellationToken);
        if (flags is null)
        {
            return answer!;
        }

        var context = request!.Context!;
        return EvaluationETag.NotModified(http, EvaluationETag.Of(flags, request.RawContext))
            ?? new JsonBody(OfrepBodies.Bulk(flags.Environment, flags.ETag, [.. flags.Ordered.Select(f => FlagEvaluator.Evaluate(f, context))]));
    }

    /// <summary>
    /// The request and its environment's flags; or the answer when the caller is refused (401, 403), the request
    /// cannot be evaluated (400: for one flag with its <paramref name="key"/>, for the bulk without) or the flags
    /// cannot be had (503).
    /// </summary>
    private static async Task<(OfrepRequest? Request, EnvironmentFlags? Flags, IResult? Answer)> PrepareAsync(
        HttpContext http, FlagSnapshots snapshots, AccessPolicy access, string? key, CancellationToken cancellationToken)
    {
        if (Reader(http, access, out var refusal) is not { } caller)
        {
            return (null, null, refusal);
        }

        var request = await OfrepRequest.ReadAsync(http, caller, cancellationToken);
        if (request.Refusal is { } denied)
        {
            return (null, null, denied);
        }

        if (request.Failure is { } failure)
        {
            var body = key is null ? OfrepBodies.BulkFailure(failure.Code, failure.Details) : OfrepBodies.Failure(key, failure.Code, failure.Details);
            return (null, null, new JsonBody(body, StatusCodes.Status400BadRequest));
        }

        return await snapshots.GetAsync(request.Environment!) is { } flags
            ? (request, flags, null)
            : (null, null, Unavailable(http, request.Environment!));
    }

    /// <summary>The caller, when it may read somewhere; its refusal (401 or 403) comes before the body is read.</summary>
    private static CallerPrincipal? Reader(HttpContext http, AccessPolicy access, out IResult? refusal)
    {
        refusal = null;
        if (access.CallerOf(http, out var failed) is not { } caller)
        {
            refusal = failed;
            return null;
        }

        if (!caller.Grants.AllowsSomewhere(AccessActions.Read))
        {
            refusal = AccessPolicy.Denied(http, caller, AccessActions.Read);
            return null;
        }

        return caller;
    }

    /// <summary>The environment is not held and the store does not answer: 503 with OFREP's general error body.</summary>
    private static JsonBody Unavailable(HttpContext http, string environment)
    {
        http.Response.Headers.RetryAfter = ProblemCodes.RetryAfterSeconds;
        return new JsonBody(OfrepBodies.General(
            $"The flags of environment '{environment}' cannot be read now: the flag store (PostgreSQL) is not available."),
            StatusCodes.Status503ServiceUnavailable);
    }
}
