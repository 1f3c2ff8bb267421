using ConfigCluster.Gateway.Access;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Whole environments under /api/v1/environments (not under /api/v1/config, where every name is a config key):
/// export to a JSON, YAML or dotenv file, import such a file (a plan, then key by key through the config grains, so
/// that every change is audited), and compare two environments without showing values. This file maps the routes and
/// holds the export; the import and the comparison are in EnvironmentApi.Import.cs and EnvironmentApi.Compare.cs.
/// </summary>
public static partial class EnvironmentApi
{
    /// <summary>16 MiB: room for many configs of up to 512 KiB each, escaped.</summary>
    public const long MaxImportBytes = 16L * 1024 * 1024;

    public static IEndpointRouteBuilder MapEnvironmentApi(this IEndpointRouteBuilder endpoints)
    {
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var configs = endpoints.ServiceProvider.GetRequiredService<ConfigGrainReferences>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EnvironmentApi).FullName!);
        var api = endpoints.MapGroup("/api/v1/environments").WithTags("Environments");
        api.MapGet("/compare", (HttpContext http, CancellationToken ct) => CompareAsync(http, grains, access, ct));
        api.MapGet("/{environment}/export", (string environment, HttpContext http, CancellationToken ct) =>
            ExportAsync(environment, http, grains, access, ct));
        api.MapPost("/{environment}/import", (string environment, HttpContext http, CancellationToken ct) =>
                ImportAsync(environment, http, grains, configs, access, logger, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        return endpoints;
    }

    /// <summary>
    /// The environment's configs (or one service's) that the caller may read, as a file: plain values, and encrypted
    /// ones only where the caller may reveal them (else listed without a value). A dotenv file holds one service.
    /// </summary>
    private static async Task<IResult> ExportAsync(
        string environment, HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var serviceName = ServiceNameOf(query, errors);
        var format = EnvironmentFormats.FromQuery(query, errors) ?? EnvironmentFormat.Json;
        errors.Add(ConfigName.Check("environment", environment));
        RequireServiceForDotenv(format, serviceName, errors);
        if (CallerMaySomewhere(http, access, AccessActions.Read, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var readable = caller.Grants.ServicesAllowing(environment, AccessActions.Read);
        if (serviceName is { } service ? readable?.Contains(service) == false : readable?.Count == 0)
        {
            return AccessPolicy.Denied(http, caller, AccessActions.Read);
        }

        var (configs, detail) = await EnvironmentConfigs.ListAsync(grains, environment, serviceName, readable, cancellationToken);
        if (configs is null)
        {
            return ConfigProblems.Unavailable(detail, "vault_unavailable");
        }

        var entries = configs.Select(c => EnvironmentEntry.From(c, !c.IsEncrypted || MayReveal(caller, c.Address))).ToList();
        var name = serviceName is null ? environment : $"{environment}-{serviceName}";
        var header = $"ConfigCluster export of environment '{environment}'{(serviceName is null ? "" : $", service '{serviceName}'")}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format.Extension()}\"";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(EnvironmentFile.Write(format, entries, header), format.ContentType());
    }

    private static string? ServiceNameOf(RawQuery query, RequestErrors errors)
    {
        var serviceName = ConfigQuery.Single(query, "service_name", errors);
        if (serviceName is not null)
        {
            errors.Add(ConfigName.Check("service_name", serviceName));
        }

        return serviceName;
    }

    private static void RequireServiceForDotenv(EnvironmentFormat format, string? serviceName, RequestErrors errors)
    {
        if (format == EnvironmentFormat.Dotenv && serviceName is null)
        {
            errors.Add("service_name", "A dotenv file holds one service: name it with 'service_name'.");
        }
    }

    private static bool MayReveal(CallerPrincipal caller, ConfigAddress address) =>
        caller.Grants.Allows(address.Environment, address.ServiceName, AccessActions.Reveal);

    /// <summary>The caller when it may do <paramref name="action"/> somewhere (the exact check follows), else null and the refusal.</summary>
    private static CallerPrincipal? CallerMaySomewhere(HttpContext http, AccessPolicy access, AccessActions action, out ProblemHttpResult? refusal)
    {
        var caller = access.CallerOf(http, out refusal);
        if (caller is not null && !caller.Grants.AllowsSomewhere(action))
        {
            refusal = AccessPolicy.Denied(http, caller, action);
            return null;
        }

        return caller;
    }
}
