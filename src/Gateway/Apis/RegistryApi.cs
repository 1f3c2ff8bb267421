using System.Runtime.CompilerServices;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Grains.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The service registry API under /api/v1/registry/{environment}. Lists come from the registry this silo holds in
/// memory (<see cref="RegistrySnapshots"/>), and a blocking list (<c>index</c>, <c>wait</c>) waits there without a
/// thread; one instance, registrations, heartbeats and deregistrations go to the instance's grain. Reading needs a
/// grant with <c>read</c> on the service, changing one with <c>write</c>.
/// </summary>
public static class RegistryApi
{
    /// <summary>Rendered lists of a service as held, healthy-only and all: made once per change, not per request.</summary>
    private static readonly ConditionalWeakTable<ServiceInstances, byte[]?[]> Rendered = [];

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var snapshots = endpoints.ServiceProvider.GetRequiredService<RegistrySnapshots>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>();
        var api = endpoints.MapGroup("/api/v1/registry/{environment}").WithTags("Registry");
        api.MapGet("/services", (string environment, HttpContext http) => ServicesAsync(environment, http, snapshots, access));
        api.MapGet("/services/{service}/instances", (string environment, string service, HttpContext http, CancellationToken ct) =>
            InstancesAsync(environment, service, http, snapshots, access, options.Value, ct));
        api.MapGet("/services/{service}/instances/{instanceId}", (string environment, string service, string instanceId, HttpContext http, CancellationToken ct) =>
            GetAsync(new(environment, service, instanceId), http, grains, access, ct));
        api.MapPut("/services/{service}/instances/{instanceId}", (string environment, string service, string instanceId, HttpContext http, CancellationToken ct) =>
            RegisterAsync(new(environment, service, instanceId), http, grains, snapshots, access, options.Value, ct))
            .WithMetadata(new RequestSizeLimitAttribute(RegistryBodyReader.MaxBodyBytes));
        api.MapDelete("/services/{service}/instances/{instanceId}", (string environment, string service, string instanceId, HttpContext http, CancellationToken ct) =>
            DeregisterAsync(new(environment, service, instanceId), http, grains, snapshots, access, ct));
        api.MapPut("/services/{service}/instances/{instanceId}/heartbeat", (string environment, string service, string instanceId, HttpContext http, CancellationToken ct) =>
            HeartbeatAsync(new(environment, service, instanceId), http, grains, snapshots, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(RegistryBodyReader.MaxBodyBytes));
        return endpoints;
    }

    private static async Task<IResult> ServicesAsync(string environment, HttpContext http, RegistrySnapshots snapshots, AccessPolicy access)
    {
        var errors = new RequestErrors();
        errors.Add(ConfigName.Check("environment", environment));
        if (access.CallerOf(http, out var failed) is not { } caller)
        {
            return failed!;
        }

        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        if (!caller.Grants.AllowsIn(environment, AccessActions.Read))
        {
            return AccessPolicy.Denied(http, caller, AccessActions.Read);
        }

        if (await snapshots.GetAsync(environment) is not { } registry)
        {
            return RegistryProblems.RegistryUnavailable(environment);
        }

        var visible = registry.Services.Values
            .Where(s => s.Instances.Length > 0 && caller.Grants.Allows(environment, s.Service, AccessActions.Read))
            .OrderBy(s => s.Service, StringComparer.Ordinal);
        return new JsonBody(RegistryBodies.Services(environment, visible));
    }

    private static async Task<IResult> InstancesAsync(
        string environment, string service, HttpContext http, RegistrySnapshots snapshots, AccessPolicy access, RegistryOptions options,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var filter = RegistryQuery.FilterOf(http.Request, errors);
        var blocking = RegistryQuery.Blocking(RawQuery.Of(http.Request), options.MaxWait, errors);
        if (Refusal(new(environment, service, null), http, access, AccessActions.Read, errors, out _) is { } refusal)
        {
            return refusal;
        }

        ServiceInstances? held;
        if (blocking is { } wait)
        {
            held = await snapshots.WaitAsync(environment, service, wait.Index, wait.Wait, cancellationToken);
        }
        else
        {
            held = (await snapshots.GetAsync(environment))?.Service(service);
        }

        if (held is null)
        {
            return RegistryProblems.RegistryUnavailable(environment);
        }

        http.Response.Headers[RegistryQuery.IndexHeader] = held.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonBody(filter.Filtered ? RegistryBodies.Instances(environment, held, held.Instances.Where(filter.Matches)) : RenderedList(environment, held, filter));
    }

    private static async Task<IResult> GetAsync(InstanceName name, HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (Refusal(name, http, access, AccessActions.Read, new RequestErrors(), out _) is { } refusal)
        {
            return refusal;
        }

        var result = await name.Grain(grains).GetAsync(cancellationToken);
        return result.Outcome == RegistryOutcome.Ok ? new JsonBody(RegistryBodies.Instance(result.Instance!)) : RegistryProblems.From(result);
    }

    private static async Task<IResult> RegisterAsync(
        InstanceName name, HttpContext http, IGrainFactory grains, RegistrySnapshots snapshots, AccessPolicy access, RegistryOptions options,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (Refusal(name, http, access, AccessActions.Write, errors, out var caller) is { } refusal)
        {
            return refusal;
        }

        var registration = await RegistryBodyReader.ReadRegistrationAsync(http.Request, errors, cancellationToken);
        if (registration is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        if (registration.DeregisterCriticalAfter == TimeSpan.Zero)
        {
            registration = registration with { DeregisterCriticalAfter = options.DefaultDeregisterCriticalAfter };
        }

        var result = await name.Grain(grains).RegisterAsync(registration, ChangeOf(http, caller!), cancellationToken);
        if (result.Outcome is not (RegistryOutcome.Ok or RegistryOutcome.Created))
        {
            return RegistryProblems.From(result);
        }

        snapshots.Apply(result.Instance!);
        if (result.Outcome == RegistryOutcome.Created)
        {
            http.Response.Headers.Location = $"/api/v1/registry/{name.Environment}/services/{name.Service}/instances/{name.InstanceId}";
            return new JsonBody(RegistryBodies.Instance(result.Instance!), StatusCodes.Status201Created);
        }

        return new JsonBody(RegistryBodies.Instance(result.Instance!));
    }

    private static async Task<IResult> HeartbeatAsync(
        InstanceName name, HttpContext http, IGrainFactory grains, RegistrySnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (Refusal(name, http, access, AccessActions.Write, errors, out var caller) is { } refusal)
        {
            return refusal;
        }

        var (status, output) = await RegistryBodyReader.ReadHeartbeatAsync(http.Request, errors, cancellationToken);
        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var result = await name.Grain(grains).HeartbeatAsync(status, output, ChangeOf(http, caller!), cancellationToken);
        if (result.Outcome != RegistryOutcome.Ok)
        {
            return RegistryProblems.From(result);
        }

        // A status the heartbeat changed shows in this gateway's lists at once (an unchanged one is already there).
        snapshots.Apply(result.Instance!);
        return new JsonBody(RegistryBodies.Instance(result.Instance!));
    }

    private static async Task<IResult> DeregisterAsync(
        InstanceName name, HttpContext http, IGrainFactory grains, RegistrySnapshots snapshots, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (Refusal(name, http, access, AccessActions.Write, new RequestErrors(), out var caller) is { } refusal)
        {
            return refusal;
        }

        var result = await name.Grain(grains).DeregisterAsync(ChangeOf(http, caller!), cancellationToken);
        if (result.Outcome != RegistryOutcome.Deleted)
        {
            return RegistryProblems.From(result);
        }

        snapshots.Remove(result.Instance!);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Checks the names, then the caller: null when the request may go on; else 400 (invalid names or query), 401 or
    /// 403. Decided before anything is read or changed.
    /// </summary>
    private static IResult? Refusal(InstanceName name, HttpContext http, AccessPolicy access, AccessActions action, RequestErrors errors, out CallerPrincipal? caller)
    {
        errors.Add(ConfigName.Check("environment", name.Environment));
        errors.Add(ConfigName.Check("service", name.Service));
        if (name.InstanceId is not null)
        {
            errors.Add(ConfigName.Check("instance_id", name.InstanceId));
        }

        caller = access.CallerOf(http, out var failed);
        if (caller is null)
        {
            return failed;
        }

        return errors.Any ? ConfigProblems.Invalid(errors) : AccessPolicy.Refusal(http, caller, name.Environment, name.Service, action);
    }

    /// <summary>The service's list, all or healthy only, rendered once for what is held and reused until it changes.</summary>
    private static byte[] RenderedList(string environment, ServiceInstances held, RegistryQuery.Filter filter)
    {
        var slots = Rendered.GetValue(held, static _ => new byte[]?[2]);
        var slot = filter.HealthyOnly ? 1 : 0;
        return slots[slot] ??= RegistryBodies.Instances(environment, held, held.Instances.Where(filter.Matches));
    }

    private static ChangeContext ChangeOf(HttpContext http, CallerPrincipal caller) => new(caller.Actor, RequestContext.RequestIdOf(http));

    /// <summary>An instance's names as in the URL (no instance for a service's list).</summary>
    private readonly record struct InstanceName(string Environment, string Service, string? InstanceId)
    {
        public IRegistryInstanceGrain Grain(IGrainFactory grains) => grains.GetRegistryInstanceGrain(Environment, Service, InstanceId!);
    }
}
