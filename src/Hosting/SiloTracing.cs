using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Trace;

namespace ConfigCluster.Hosting;

/// <summary>
/// OpenTelemetry traces across a request: ASP.NET Core (the gateway's REST call), Orleans (grain calls, across
/// silos), HttpClient (Vault), Npgsql (PostgreSQL) and the change log's waits for its group-commit batches
/// (<see cref="Adapters.Postgres.PostgresTracing"/>). On when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (exported over
/// OTLP, configured by the standard <c>OTEL_*</c> variables: service name, headers, protocol, sampler) or
/// <c>Tracing__Enabled=true</c> (for a host that adds its own exporter). No span carries a value or a token: request and
/// Vault URLs hold environment/service/key paths only (query values redacted), SQL is sent with parameters, and no
/// header is recorded. Probes and scrapes (<c>/health</c>, <c>/metrics</c>) are not traced.
/// </summary>
public static class SiloTracing
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' activity sources: its runtime's calls and the application's grain calls.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]) || configuration.GetValue<bool>("Tracing:Enabled");

    public static IServiceCollection AddSiloTracing(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var exportOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(OrleansSources).AddSource(Adapters.Postgres.PostgresTracing.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql();
            if (exportOtlp)
            {
                tracing.AddOtlpExporter();
            }
        });
        return services;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments(MetricsEndpoint.MetricsPath, StringComparison.Ordinal);
}
