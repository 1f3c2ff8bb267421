using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Hosting;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IServiceCollection AddSiloReadiness(this IServiceCollection services) =>
        services.AddSingleton<SiloReadiness>();

    /// <summary>/health/live: the process answers (no dependency touched). /health/ready: see <see cref="SiloReadiness"/>.</summary>
    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LivePath, () => TypedResults.Text("live")).ExcludeFromDescription();
        endpoints.MapGet(ReadyPath, async (SiloReadiness readiness, CancellationToken cancellationToken) =>
        {
            var report = await readiness.CheckAsync(cancellationToken);
            return report.Ready
                ? Results.Text(report.Reason)
                : Results.Text(report.Reason, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
