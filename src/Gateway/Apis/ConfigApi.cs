using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.LocalReads;
using ConfigCluster.Grains.Interfaces.Status;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The config API of the design guide under /api/v1/config. Endpoints only read the request,
/// call the config's grain and map its result; the rules live in the grains.
/// </summary>
public static class ConfigApi
{
    private static readonly HashSet<string> CreateFields = ["key", "value", "environment", "service_name", "is_encrypted"];
    private static readonly HashSet<string> UpdateFields = ["value", "is_encrypted"];

    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder endpoints)
    {
        // Singletons, taken once: a handler parameter served by DI would open a service scope per request.
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var configs = endpoints.ServiceProvider.GetRequiredService<ConfigGrainReferences>();
        var localReads = endpoints.ServiceProvider.GetRequiredService<LocalConfigReads>();
        var api = endpoints.MapGroup("/api/v1/config").WithTags("Config");
        api.MapPost("/", (HttpContext http, CancellationToken ct) => CreateAsync(http, configs, ct))
            .WithMetadata(new RequestSizeLimitAttribute(ConfigBodyReader.MaxBodyBytes));
        api.MapGet("/", (HttpContext http, CancellationToken ct) => ListAsync(http, grains, ct));
        // The hot path: a plain RequestDelegate, so a local read answers without parameter binding or an await.
        api.MapGet("/{key}", http => GetAsync(http, grains, configs, localReads));
        api.MapPut("/{key}", (string key, HttpContext http, CancellationToken ct) => UpdateAsync(key, http, configs, ct))
            .WithMetadata(new RequestSizeLimitAttribute(ConfigBodyReader.MaxBodyBytes));
        api.MapDelete("/{key}", (string key, HttpContext http, CancellationToken ct) => DeleteAsync(key, http, configs, ct));
        api.MapGet("/{key}/history", (string key, HttpContext http, CancellationToken ct) => HistoryAsync(key, http, configs, ct));
        return endpoints;
    }

    private static async Task<Results<Created<ConfigResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, ConfigGrainReferences configs, CancellationToken cancellationToken)
    {
        var (body, errors) = await ConfigBodyReader.ReadAsync(http.Request, CreateFields, cancellationToken);
        if (body is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        errors.Add(ConfigName.Check("environment", body.Environment));
        errors.Add(ConfigName.Check("service_name", body.ServiceName));
        errors.Add(ConfigName.Check("key", body.Key));
        errors.Add(ConfigValueLimits.Check(body.Value));
        var context = RequestContext.For(http, errors);
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var address = new ConfigAddress(body.Environment!, body.ServiceName!, body.Key!);
        var change = new ConfigChange(body.Value!, body.IsEncrypted ?? false, context);
        var result = await configs.Get(address).CreateAsync(change, cancellationToken);
        return result.Outcome == ConfigOutcome.Created
            ? TypedResults.Created(LocationOf(address), ConfigResponse.From(result.Entry!))
            : ConfigProblems.From(result, isRead: false);
    }

    /// <summary>
    /// A read. The current value of a plain config whose grain is active in this silo is answered from the
    /// silo's local reads, as the grain would answer it, and renewed by the grain off this request's path
    /// when it nears the end of its TTL; anything else asks the grain.
    /// </summary>
    private static Task GetAsync(HttpContext http, IGrainFactory grains, ConfigGrainReferences configs, LocalConfigReads localReads)
    {
        var key = (string)http.Request.RouteValues["key"]!;
        var query = RawQuery.Of(http.Request);
        if (LocalRead(key, query, localReads, out var renew) is { } local)
        {
            if (renew is not null)
            {
                _ = configs.Get(renew).RenewAsync();
            }

            return local.ExecuteAsync(http);
        }

        if (key == "status" && !query.Contains("environment") && !query.Contains("service_name"))
        {
            // decision 7: /status is the service status unless it names a config called "status".
            return ServiceStatusAsync(http, grains);
        }

        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, query, errors);
        var version = ConfigQuery.Version(query, errors);
        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors).ExecuteAsync(http);
        }

        return ReadThroughGrainAsync(http, configs.Get(address), version);
    }

    /// <summary>
    /// The hot path, which allocates nothing: the local read for a query that names environment and
    /// service_name once each, asks for no version and needs no decoding. Only a valid config can be
    /// found there, so anything else (a miss, a bad or escaped name, a version) takes the general path,
    /// which decodes, checks and explains.
    /// </summary>
    private static JsonBody? LocalRead(string key, RawQuery query, LocalConfigReads localReads, out ConfigAddress? renew)
    {
        renew = null;
        return query.TryGetUnescaped("environment", "service_name", "version", out var environment, out var serviceName)
            ? localReads.TryReadRendered(environment, serviceName, key, out renew) as JsonBody
            : null;
    }

    private static async Task ReadThroughGrainAsync(HttpContext http, IConfigGrain grain, long? version)
    {
        var result = await grain.GetAsync(version, http.RequestAborted);
        await (result.Succeeded ? ConfigResponseBodies.For(result.Entry!) : (IResult)ConfigProblems.From(result, isRead: true))
            .ExecuteAsync(http);
    }

    private static async Task ServiceStatusAsync(HttpContext http, IGrainFactory grains)
    {
        var status = await grains.GetGrain<IServiceStatusGrain>(0).GetAsync(http.RequestAborted);
        await TypedResults.Ok(StatusResponse.From(status)).ExecuteAsync(http);
    }

    private static async Task<Results<Ok<ConfigResponse>, ProblemHttpResult>> UpdateAsync(
        string key, HttpContext http, ConfigGrainReferences configs, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, RawQuery.Of(http.Request), errors);
        var (body, bodyErrors) = await ConfigBodyReader.ReadAsync(http.Request, UpdateFields, cancellationToken);
        if (address is null || body is null || errors.Any || bodyErrors.Any)
        {
            errors.AddAll(bodyErrors);
            return ConfigProblems.Invalid(errors);
        }

        errors.Add(ConfigValueLimits.Check(body.Value));
        var context = RequestContext.For(http, errors);
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var change = new ConfigChange(body.Value!, body.IsEncrypted, context);
        var result = await configs.Get(address).UpdateAsync(change, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(ConfigResponse.From(result.Entry!))
            : ConfigProblems.From(result, isRead: false);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string key, HttpContext http, ConfigGrainReferences configs, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, RawQuery.Of(http.Request), errors);
        var context = RequestContext.For(http, errors);
        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var result = await configs.Get(address).DeleteAsync(context, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ConfigProblems.From(result, isRead: false);
    }

    private static async Task<Results<Ok<ConfigHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        string key, HttpContext http, ConfigGrainReferences configs, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var address = ConfigQuery.Address(key, query, errors);
        var (limit, offset) = ConfigQuery.Page(query, errors);
        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var history = await configs.Get(address).GetHistoryAsync(limit, offset, cancellationToken);
        return history.Outcome == ConfigOutcome.Ok
            ? TypedResults.Ok(ConfigHistoryResponse.From(history))
            : ConfigProblems.Unavailable(history.Detail, "dependency_unavailable");
    }

    private static async Task<Results<JsonBody, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = ConfigQuery.List(RawQuery.Of(http.Request), errors);
        if (query is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var page = await grains.GetGrain<IConfigCatalogGrain>(0).ListAsync(query, cancellationToken);
        return page.Outcome == ConfigOutcome.Ok
            ? JsonBody.Of(ConfigListResponse.From(page), GatewayJsonContext.Default.ConfigListResponse)
            : ConfigProblems.Unavailable(page.Detail, "vault_unavailable");
    }

    private static string LocationOf(ConfigAddress address) =>
        $"/api/v1/config/{Uri.EscapeDataString(address.Key)}?environment={Uri.EscapeDataString(address.Environment)}" +
        $"&service_name={Uri.EscapeDataString(address.ServiceName)}";
}
