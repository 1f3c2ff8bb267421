using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.LocalReads;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The config API of the design guide under /api/v1/config. Endpoints only read the request, check the caller's
/// grants, call the config's grain and map its result; the rules live in the grains. This file maps the routes and
/// holds the writes; the reads are in ConfigApi.Reads.cs.
/// </summary>
public static partial class ConfigApi
{
    private static readonly HashSet<string> CreateFields = ["key", "value", "environment", "service_name", "is_encrypted"];
    private static readonly HashSet<string> UpdateFields = ["value", "is_encrypted"];

    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder endpoints)
    {
        // Singletons, taken once: a handler parameter served by DI would open a service scope per request.
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var configs = endpoints.ServiceProvider.GetRequiredService<ConfigGrainReferences>();
        var localReads = endpoints.ServiceProvider.GetRequiredService<LocalConfigReads>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var api = endpoints.MapGroup("/api/v1/config").WithTags("Config");
        api.MapPost("/", (HttpContext http, CancellationToken ct) => CreateAsync(http, configs, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(ConfigBodyReader.MaxBodyBytes));
        api.MapGet("/", (HttpContext http, CancellationToken ct) => ListAsync(http, grains, access, ct));
        // The hot path: a plain RequestDelegate, so a local read answers without parameter binding or an await.
        api.MapGet("/{key}", http => GetAsync(http, grains, configs, localReads, access));
        api.MapPut("/{key}", (string key, HttpContext http, CancellationToken ct) => UpdateAsync(key, http, configs, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(ConfigBodyReader.MaxBodyBytes));
        api.MapDelete("/{key}", (string key, HttpContext http, CancellationToken ct) => DeleteAsync(key, http, configs, access, ct));
        api.MapGet("/{key}/history", (string key, HttpContext http, CancellationToken ct) => HistoryAsync(key, http, configs, access, ct));
        api.MapPost("/{key}/rollback", (string key, HttpContext http, CancellationToken ct) => RollbackAsync(key, http, configs, access, ct));
        api.MapGet("/{key}/diff", (string key, HttpContext http, CancellationToken ct) => DiffAsync(key, http, configs, access, ct));
        return endpoints;
    }

    private static async Task<Results<Created<ConfigResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (WriterOf(http, access, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var (body, errors) = await ConfigBodyReader.ReadAsync(http.Request, CreateFields, cancellationToken);
        if (body is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        errors.Add(ConfigName.Check("environment", body.Environment));
        errors.Add(ConfigName.Check("service_name", body.ServiceName));
        errors.Add(ConfigName.Check("key", body.Key));
        errors.Add(ConfigValueLimits.Check(body.Value));
        var context = RequestContext.For(http, caller, errors);
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var address = new ConfigAddress(body.Environment!, body.ServiceName!, body.Key!);
        if (AccessPolicy.Refusal(http, caller, address.Environment, address.ServiceName, AccessActions.Write) is { } denied)
        {
            return denied;
        }

        var change = new ConfigChange(body.Value!, body.IsEncrypted ?? false, context);
        var result = await configs.Get(address).CreateAsync(change, cancellationToken);
        return result.Outcome == ConfigOutcome.Created
            ? TypedResults.Created(LocationOf(address), Tagged(http, ConfigResponse.From(result.Entry!)))
            : ConfigProblems.From(result, isRead: false);
    }

    private static async Task<Results<Ok<ConfigResponse>, ProblemHttpResult>> UpdateAsync(
        string key, HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, RawQuery.Of(http.Request), errors);
        if (Allowed(http, access, address, AccessActions.Write, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var (body, bodyErrors) = await ConfigBodyReader.ReadAsync(http.Request, UpdateFields, cancellationToken);
        var context = RequestContext.ForConditional(http, caller, errors);
        if (address is null || body is null || errors.Any || bodyErrors.Any)
        {
            errors.AddAll(bodyErrors);
            return ConfigProblems.Invalid(errors);
        }

        errors.Add(ConfigValueLimits.Check(body.Value));
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var change = new ConfigChange(body.Value!, body.IsEncrypted, context);
        var result = await configs.Get(address).UpdateAsync(change, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(Tagged(http, ConfigResponse.From(result.Entry!)))
            : ConfigProblems.From(result, isRead: false);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string key, HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, RawQuery.Of(http.Request), errors);
        if (Allowed(http, access, address, AccessActions.Write, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var context = RequestContext.ForConditional(http, caller, errors);
        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var result = await configs.Get(address).DeleteAsync(context, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ConfigProblems.From(result, isRead: false);
    }

    /// <summary>
    /// The caller when it may do <paramref name="action"/> on <paramref name="address"/>; else null and the refusal.
    /// A request whose names are invalid only needs a caller that may do it somewhere (its 400 follows).
    /// </summary>
    private static CallerPrincipal? Allowed(
        HttpContext http, AccessPolicy access, ConfigAddress? address, AccessActions action, out ProblemHttpResult? refusal)
    {
        var caller = access.CallerOf(http, out refusal);
        if (caller is null)
        {
            return null;
        }

        refusal = address is null
            ? caller.Grants.AllowsSomewhere(action) ? null : AccessPolicy.Denied(http, caller, action)
            : AccessPolicy.Refusal(http, caller, address.Environment, address.ServiceName, action);
        return refusal is null ? caller : null;
    }

    /// <summary>The caller when it may write somewhere: a create's config is only known once its body is read.</summary>
    private static CallerPrincipal? WriterOf(HttpContext http, AccessPolicy access, out ProblemHttpResult? refusal) =>
        Allowed(http, access, address: null, AccessActions.Write, out refusal);

    /// <summary>The written config's version as the response's <c>ETag</c>, for the client's next <c>If-Match</c>.</summary>
    private static ConfigResponse Tagged(HttpContext http, ConfigResponse config)
    {
        http.Response.Headers.ETag = EntityTags.Of(config.Version);
        return config;
    }

    private static string LocationOf(ConfigAddress address) =>
        $"/api/v1/config/{Uri.EscapeDataString(address.Key)}?environment={Uri.EscapeDataString(address.Environment)}" +
        $"&service_name={Uri.EscapeDataString(address.ServiceName)}";
}
