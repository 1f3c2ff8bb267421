using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Grains.LocalReads;

namespace ConfigCluster.Gateway.Apis;

/// <summary>The reads of the config API: one config, a page, a config's history and the service status.</summary>
public static partial class ConfigApi
{
    /// <summary>
    /// A read. The current value of a plain config whose grain is active in this silo is answered from the
    /// silo's local reads, as the grain would answer it, and renewed by the grain off this request's path
    /// when it nears the end of its TTL; anything else asks the grain. Reading needs <c>read</c> on the
    /// config's environment and service; an encrypted value also <c>reveal</c>.
    /// </summary>
    private static Task GetAsync(HttpContext http, IGrainFactory grains, ConfigGrainReferences configs, LocalConfigReads localReads, AccessPolicy access)
    {
        if (access.CallerOf(http, out var refusal) is not { } caller)
        {
            return refusal!.ExecuteAsync(http);
        }

        var key = (string)http.Request.RouteValues["key"]!;
        var query = RawQuery.Of(http.Request);
        if (LocalRead(key, query, localReads, caller, out var renew) is { } local)
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
            return ServiceStatusAsync(http, grains, caller);
        }

        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, query, errors);
        var version = ConfigQuery.Version(query, errors);
        if (Allowed(http, access, address, AccessActions.Read, out refusal) is null)
        {
            return refusal!.ExecuteAsync(http);
        }

        return address is null || errors.Any
            ? ConfigProblems.Invalid(errors).ExecuteAsync(http)
            : ReadThroughGrainAsync(http, configs.Get(address), version, caller, address);
    }

    /// <summary>
    /// The hot path, which allocates nothing: the local read for a query that names environment and
    /// service_name once each, asks for no version and needs no decoding, by a caller that may read there. Only
    /// a valid plain config can be found there, so anything else (a miss, a bad or escaped name, a version, a
    /// refusal) takes the general path, which decodes, checks and explains.
    /// </summary>
    private static JsonBody? LocalRead(string key, RawQuery query, LocalConfigReads localReads, CallerPrincipal caller, out ConfigAddress? renew)
    {
        renew = null;
        return query.TryGetUnescaped("environment", "service_name", "version", out var environment, out var serviceName)
               && (caller.ReadsEverywhere || caller.Grants.Allows(environment, serviceName, AccessActions.Read))
            ? localReads.TryReadRendered(environment, serviceName, key, out renew) as JsonBody
            : null;
    }

    private static async Task ReadThroughGrainAsync(HttpContext http, IConfigGrain grain, long? version, CallerPrincipal caller, ConfigAddress address)
    {
        var result = await grain.GetAsync(version, http.RequestAborted);
        IResult answer = result switch
        {
            { Succeeded: true, Entry.IsEncrypted: true } when !caller.Grants.Allows(address.Environment, address.ServiceName, AccessActions.Reveal) =>
                AccessPolicy.Denied(http, caller, AccessActions.Reveal),
            { Succeeded: true } => ConfigResponseBodies.For(result.Entry!),
            _ => ConfigProblems.From(result, isRead: true),
        };
        await answer.ExecuteAsync(http);
    }

    /// <summary>The service status: for any caller that may read something.</summary>
    private static async Task ServiceStatusAsync(HttpContext http, IGrainFactory grains, CallerPrincipal caller)
    {
        if (!caller.Grants.AllowsSomewhere(AccessActions.Read))
        {
            await AccessPolicy.Denied(http, caller, AccessActions.Read).ExecuteAsync(http);
            return;
        }

        var status = await grains.GetGrain<IServiceStatusGrain>(0).GetAsync(http.RequestAborted);
        await TypedResults.Ok(StatusResponse.From(status)).ExecuteAsync(http);
    }

    private static async Task<Results<Ok<ConfigHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        string key, HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var address = ConfigQuery.Address(key, query, errors);
        var (limit, offset) = ConfigQuery.Page(query, errors);
        if (Allowed(http, access, address, AccessActions.Read, out var refusal) is null)
        {
            return refusal!;
        }

        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var history = await configs.Get(address).GetHistoryAsync(limit, offset, cancellationToken);
        return history.Outcome == ConfigOutcome.Ok
            ? TypedResults.Ok(ConfigHistoryResponse.From(history))
            : ConfigProblems.Unavailable(history.Detail, "dependency_unavailable");
    }

    /// <summary>
    /// A page of the configs the caller may read: only those count in <c>total</c>, and an encrypted one the caller
    /// may not reveal keeps its metadata with <c>"value": null</c>.
    /// </summary>
    private static async Task<Results<JsonBody, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = ConfigQuery.List(RawQuery.Of(http.Request), errors);
        if (Allowed(http, access, address: null, AccessActions.Read, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        if (query is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var readable = caller.Grants.ServicesAllowing(query.Environment, AccessActions.Read);
        if (query.ServiceName is { } service ? readable?.Contains(service) == false : readable?.Count == 0)
        {
            return AccessPolicy.Denied(http, caller, AccessActions.Read);
        }

        var page = await grains.GetGrain<IConfigCatalogGrain>(0).ListAsync(query with { ReadableServices = readable }, cancellationToken);
        return page.Outcome == ConfigOutcome.Ok
            ? JsonBody.Of(ConfigListResponse.From(page, config => caller.Grants.Allows(config.Environment, config.ServiceName, AccessActions.Reveal)),
                GatewayJsonContext.Default.ConfigListResponse)
            : ConfigProblems.Unavailable(page.Detail, "vault_unavailable");
    }
}
