using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ConfigCluster.Hosting.Health;
using OpenTelemetry.Metrics;

namespace ConfigCluster.Hosting;

/// <summary>
/// <c>/metrics</c> on every silo, in Prometheus text format: Orleans (grains, messaging, membership),
/// ASP.NET Core and Kestrel (requests by route template, never by key), and the .NET runtime. No metric
/// carries a config value.
/// </summary>
public static class MetricsEndpoint
{
    public const string MetricsPath = "/metrics";

    private static readonly string[] Meters =
    [
        DependencyHealthPublisher.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    public static IServiceCollection AddSiloMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapSiloMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}
