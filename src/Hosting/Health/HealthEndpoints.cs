using ConfigCluster.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigCluster.Hosting.Health;

/// <summary>
/// The silo's health checks (ASP.NET Core health checks, selected by <see cref="HealthTags"/>) and the two
/// endpoints the probes ask: <c>/health/live</c> runs the <see cref="HealthTags.Live"/> checks (none of ours:
/// the process answers), <c>/health/ready</c> the <see cref="HealthTags.Ready"/> ones. Both answer a short
/// text: <c>live</c>/<c>ready</c>, or the failing checks' reasons with 503.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Readiness: the silo is Active in the cluster and not shutting down, and Vault answers.</summary>
    public static IHealthChecksBuilder AddSiloHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>(SiloMembershipHealthCheck.Name, tags: [HealthTags.Ready])
            .AddCheck<VaultHealthCheck>(VaultHealthCheck.Name, tags: [HealthTags.Ready, HealthTags.Dependency]);

    /// <summary>A configured dependency's probe (registered by its adapter) as a <see cref="HealthTags.Dependency"/> check.</summary>
    public static IHealthChecksBuilder AddDependencyProbeCheck<TProbe>(this IHealthChecksBuilder builder, string name)
        where TProbe : IDependencyProbe =>
        builder.Add(new HealthCheckRegistration(
            name,
            sp => new DependencyProbeHealthCheck(sp.GetServices<IDependencyProbe>().OfType<TProbe>().Single()),
            HealthStatus.Unhealthy,
            [HealthTags.Dependency]));

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, TaggedWith(HealthTags.Live, "live")).ExcludeFromDescription();
        endpoints.MapHealthChecks(ReadyPath, TaggedWith(HealthTags.Ready, "ready")).ExcludeFromDescription();
        return endpoints;
    }

    private static HealthCheckOptions TaggedWith(string tag, string healthyText) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? Reasons(report) : healthyText);
        },
    };

    private static string Reasons(HealthReport report) => string.Join("; ", report.Entries.Values
        .Where(e => e.Status == HealthStatus.Unhealthy)
        .Select(e => e.Description ?? e.Exception?.GetType().Name ?? "unhealthy"));
}
