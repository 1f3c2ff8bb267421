using ConfigCluster.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Readiness: the silo is Active in the cluster, not shutting down, and its Vault login (if it logs in) has not
    /// failed without a token to go on with, so it can serve reads. The shared
    /// dependencies (Vault here, the others as their adapters are configured) are <see cref="HealthTags.Dependency"/>
    /// checks, outside readiness: one of them failing would take every pod out of service at once, also for the
    /// reads that need it not. Their state is published to the log and to <c>configcluster_dependency_up</c>
    /// (<see cref="DependencyHealthPublisher"/>) and shown by <c>GET /api/v1/config/status</c>.
    /// </summary>
    public static IHealthChecksBuilder AddSiloHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<DependencyHealthOptions>().BindConfiguration(DependencyHealthOptions.SectionName)
            .Validate(o => o.DependencyCheckPeriod >= TimeSpan.FromSeconds(1), "Health:DependencyCheckPeriod must be at least 00:00:01.")
            .ValidateOnStart();
        services.AddSingleton<DependencyHealthPublisher>();
        services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<DependencyHealthPublisher>());
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<DependencyHealthOptions>>((publisher, health) =>
        {
            publisher.Predicate = registration => registration.Tags.Contains(HealthTags.Dependency);
            publisher.Period = health.Value.DependencyCheckPeriod;
            publisher.Delay = TimeSpan.FromSeconds(1);
        });
        return services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>(SiloMembershipHealthCheck.Name, tags: [HealthTags.Ready])
            .AddCheck<VaultLoginHealthCheck>(VaultLoginHealthCheck.Name, tags: [HealthTags.Ready])
            .AddCheck<VaultHealthCheck>(VaultHealthCheck.Name, tags: [HealthTags.Dependency]);
    }

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
