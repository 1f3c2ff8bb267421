using System.Text.Json;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Flags;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The feature flag API under /api/v1/flags. Reads and evaluations come from the flags this silo holds in memory
/// (<see cref="FlagSnapshots"/>), never from PostgreSQL; writes go to the flag's grain, which validates, stores and
/// announces them. Reading and evaluating need a grant with <c>read</c> in the flag's environment; changing needs
/// one with <c>write</c> on every service of it (<c>service_name</c> <c>*</c>), as a flag acts on all of them.
/// This file maps the routes and holds the reads and writes; evaluations are in FlagApi.Evaluate.cs.
/// </summary>
public static partial class FlagApi
{
    /// <summary>A flag's JSON: up to <see cref="FlagLimits.MaxDefinitionBytes"/> of definition, with room for spacing.</summary>
    private const long MaxBodyBytes = 2 * FlagLimits.MaxDefinitionBytes;

    /// <summary>Variant values may be nested JSON; the rest of a flag is at most six levels deep.</summary>
    private const int MaxDepth = 32;

    public static IEndpointRouteBuilder MapFlagApi(this IEndpointRouteBuilder endpoints)
    {
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var snapshots = endpoints.ServiceProvider.GetRequiredService<FlagSnapshots>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var api = endpoints.MapGroup("/api/v1/flags").WithTags("Flags");
        api.MapPost("/", (HttpContext http, CancellationToken ct) => CreateAsync(http, grains, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        // Typed as a Func: a lambda of HttpContext alone would bind as a RequestDelegate and drop its result.
        api.MapGet("/", (Func<HttpContext, Task<IResult>>)(http => ListAsync(http, snapshots, access)));
        api.MapPost("/evaluate", (HttpContext http, CancellationToken ct) => EvaluateAllAsync(http, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationContextReader.MaxBodyBytes));
        api.MapGet("/{key}", (string key, HttpContext http) => GetAsync(key, http, snapshots, access));
        api.MapPut("/{key}", (string key, HttpContext http, CancellationToken ct) => ReplaceAsync(key, http, grains, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPatch("/{key}", (string key, HttpContext http, CancellationToken ct) => PatchAsync(key, http, grains, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapDelete("/{key}", (string key, HttpContext http, CancellationToken ct) => DeleteAsync(key, http, grains, snapshots, access, ct));
        api.MapPost("/{key}/evaluate", (string key, HttpContext http, CancellationToken ct) => EvaluateAsync(key, http, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(EvaluationContextReader.MaxBodyBytes));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, IGrainFactory grains, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (CallerMaySomewhere(http, access, AccessActions.Write, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var errors = new RequestErrors();
        var flag = await ReadFlagAsync(http.Request, new FlagDefinition(), errors, mergePatch: false, cancellationToken);
        if (flag is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        errors.Add(ConfigName.Check("environment", flag.Environment));
        errors.Add(ConfigName.Check("key", flag.Key));
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        if (WriteRefusal(http, caller, flag.Environment) is { } denied)
        {
            return denied;
        }

        var result = await grains.GetFlagGrain(flag.Environment, flag.Key).CreateAsync(flag, ChangeOf(http, caller), cancellationToken);
        return Answer(http, result, snapshots, conditional: false);
    }

    private static async Task<IResult> ListAsync(HttpContext http, FlagSnapshots snapshots, AccessPolicy access)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var environment = FlagQuery.Environment(query, errors);
        var tag = FlagQuery.Tag(query, errors);
        var (limit, offset) = ConfigQuery.Page(query, errors);
        if (ReadRefusal(http, access, environment, errors) is { } refusal)
        {
            return refusal;
        }

        var (flags, problem) = await FlagsOfAsync(snapshots, environment, errors);
        if (flags is null)
        {
            return problem!;
        }

        var matching = tag is null ? flags.Ordered : [.. flags.Ordered.Where(f => f.Tags.Contains(tag, StringComparer.Ordinal))];
        return new JsonBody(FlagBodies.Page(matching, limit, offset));
    }

    private static async Task<IResult> GetAsync(string key, HttpContext http, FlagSnapshots snapshots, AccessPolicy access)
    {
        var errors = new RequestErrors();
        var environment = FlagQuery.Environment(RawQuery.Of(http.Request), errors);
        errors.Add(ConfigName.Check("key", key));
        if (ReadRefusal(http, access, environment, errors) is { } refusal)
        {
            return refusal;
        }

        var (flags, problem) = await FlagsOfAsync(snapshots, environment, errors);
        if (flags is null)
        {
            return problem!;
        }

        if (flags.Find(key) is not { } flag)
        {
            return FlagProblems.NotFound(environment!, key);
        }

        return new JsonBody(FlagJson.ToApiUtf8(flag)) { ETag = EntityTags.Of(flag.Version) };
    }

    private static async Task<IResult> ReplaceAsync(
        string key, HttpContext http, IGrainFactory grains, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (WriteTarget(key, http, access, out var ifMatch, out var environment, out var caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new RequestErrors();
        var flag = await ReadFlagAsync(http.Request, new FlagDefinition { Environment = environment, Key = key }, errors, mergePatch: false, cancellationToken);
        if (flag is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var result = await grains.GetFlagGrain(environment, key).ReplaceAsync(flag, ifMatch, ChangeOf(http, caller), cancellationToken);
        return Answer(http, result, snapshots, conditional: ifMatch is not null);
    }

    private static async Task<IResult> PatchAsync(
        string key, HttpContext http, IGrainFactory grains, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (WriteTarget(key, http, access, out var ifMatch, out var environment, out var caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new RequestErrors();
        var (document, _) = await JsonBodyReader.ReadObjectAsync(http.Request, FlagJson.Fields, errors, cancellationToken, MaxDepth, mergePatch: true);
        using (document)
        {
            if (document is null || errors.Any)
            {
                return ConfigProblems.Invalid(errors);
            }

            var patch = document.RootElement.GetRawText();
            var result = await grains.GetFlagGrain(environment, key).PatchAsync(patch, ifMatch, ChangeOf(http, caller), cancellationToken);
            return Answer(http, result, snapshots, conditional: ifMatch is not null);
        }
    }

    private static async Task<IResult> DeleteAsync(
        string key, HttpContext http, IGrainFactory grains, FlagSnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (WriteTarget(key, http, access, out var ifMatch, out var environment, out var caller) is { } refusal)
        {
            return refusal;
        }

        var result = await grains.GetFlagGrain(environment, key).DeleteAsync(ifMatch, ChangeOf(http, caller), cancellationToken);
        return Answer(http, result, snapshots, conditional: ifMatch is not null);
    }

    /// <summary>
    /// Checks a write to an existing flag before its body is read: the caller, the environment, the key and
    /// <c>If-Match</c>. Null when it may go on.
    /// </summary>
    private static IResult? WriteTarget(
        string key, HttpContext http, AccessPolicy access, out long? ifMatch, out string environment, out CallerPrincipal caller)
    {
        var errors = new RequestErrors();
        environment = FlagQuery.Environment(RawQuery.Of(http.Request), errors) ?? "";
        errors.Add(ConfigName.Check("key", key));
        ifMatch = FlagQuery.IfMatch(http.Request, errors);
        caller = null!;
        if (CallerMaySomewhere(http, access, AccessActions.Write, out var refusal) is not { } found)
        {
            return refusal;
        }

        caller = found;
        return errors.Any ? ConfigProblems.Invalid(errors) : WriteRefusal(http, caller, environment);
    }

    /// <summary>The body as a flag on top of <paramref name="basis"/>; null with the reasons in <paramref name="errors"/>.</summary>
    private static async Task<FlagDefinition?> ReadFlagAsync(
        HttpRequest request, FlagDefinition basis, RequestErrors errors, bool mergePatch, CancellationToken cancellationToken)
    {
        var (document, _) = await JsonBodyReader.ReadObjectAsync(request, FlagJson.Fields, errors, cancellationToken, MaxDepth, mergePatch);
        using (document)
        {
            if (document is null || errors.Any)
            {
                return null;
            }

            var read = FlagJson.Read(document.RootElement, basis);
            foreach (var (field, message) in read.Problems)
            {
                errors.Add(field, message);
            }

            return read.Flag;
        }
    }

    /// <summary>The response to a write: the flag with its ETag (201 with Location when created, 204 after a delete), or the problem.</summary>
    private static IResult Answer(HttpContext http, FlagResult result, FlagSnapshots snapshots, bool conditional)
    {
        switch (result.Outcome)
        {
            case FlagOutcome.Deleted:
                snapshots.Remove(result.Flag!);
                return TypedResults.NoContent();
            case FlagOutcome.Created or FlagOutcome.Ok:
                var flag = result.Flag!;
                snapshots.Apply(flag);
                http.Response.Headers.ETag = EntityTags.Of(flag.Version);
                if (result.Outcome == FlagOutcome.Created)
                {
                    http.Response.Headers.Location = $"/api/v1/flags/{flag.Key}?environment={flag.Environment}";
                    return new JsonBody(FlagJson.ToApiUtf8(flag), StatusCodes.Status201Created);
                }

                return new JsonBody(FlagJson.ToApiUtf8(flag));
            default:
                return FlagProblems.From(result, conditional);
        }
    }

    private static ChangeContext ChangeOf(HttpContext http, CallerPrincipal caller) => new(caller.Actor, RequestContext.RequestIdOf(http));

    /// <summary>The caller, when it may do <paramref name="action"/> somewhere; else null and the refusal (401 or 403).</summary>
    private static CallerPrincipal? CallerMaySomewhere(HttpContext http, AccessPolicy access, AccessActions action, out IResult? refusal)
    {
        refusal = null;
        if (access.CallerOf(http, out var failed) is not { } caller)
        {
            refusal = failed;
            return null;
        }

        if (!caller.Grants.AllowsSomewhere(action))
        {
            refusal = AccessPolicy.Denied(http, caller, action);
            return null;
        }

        return caller;
    }

    /// <summary>
    /// Null when the caller may read flags in <paramref name="environment"/> (or, while the request is invalid,
    /// somewhere); else the refusal. Decided before anything is read.
    /// </summary>
    private static IResult? ReadRefusal(HttpContext http, AccessPolicy access, string? environment, RequestErrors errors)
    {
        if (CallerMaySomewhere(http, access, AccessActions.Read, out var refusal) is not { } caller)
        {
            return refusal;
        }

        return !errors.Any && environment is not null && !caller.Grants.AllowsIn(environment, AccessActions.Read)
            ? AccessPolicy.Denied(http, caller, AccessActions.Read)
            : null;
    }

    /// <summary>The environment's flags; or the answer when the request is invalid (400) or they cannot be had (503).</summary>
    private static async Task<(EnvironmentFlags? Flags, IResult? Problem)> FlagsOfAsync(FlagSnapshots snapshots, string? environment, RequestErrors errors)
    {
        if (errors.Any)
        {
            return (null, ConfigProblems.Invalid(errors));
        }

        return await snapshots.GetAsync(environment!) is { } flags ? (flags, null) : (null, FlagProblems.FlagsUnavailable(environment!));
    }

    private static ProblemHttpResult? WriteRefusal(HttpContext http, CallerPrincipal caller, string environment) =>
        AccessPolicy.Refusal(http, caller, environment, Grant.Any, AccessActions.Write);
}
