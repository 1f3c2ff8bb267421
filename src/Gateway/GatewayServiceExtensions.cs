using System.Text.Json;
using ConfigCluster.Gateway.Errors;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Gateway.LegacyMigration;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.LocalReads;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConfigCluster.Gateway;

public static class GatewayServiceExtensions
{
    /// <summary>
    /// JSON, RFC 9457 problem details and request ids for the REST API, its references to config grains,
    /// the local reads that the config grains in this silo publish for it, and the legacy migrations it runs.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ConfigGrainReferences>();
        // After the silo: hosted services stop in reverse order, so runs record their interruption while the silo still answers.
        builder.Services.AddSingleton<LegacyMigrations>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LegacyMigrations>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILocalReadRenderer, LocalReadBodies>();
        builder.Services.AddSingleton<LocalConfigReads>();
        builder.Services.AddSingleton<ILocalReadPublisher>(sp => sp.GetRequiredService<LocalConfigReads>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Complete);
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = RequestLimits.KestrelRequestLineBytes;
            o.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelRequestLineBytes;
        });
        return builder;
    }

    /// <summary>
    /// Every error, including unknown routes, wrong methods, oversized requests, grain calls left without an
    /// answer and unhandled exceptions, answers as application/problem+json with a <c>code</c>; an
    /// exception's message is never shown.
    /// </summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ProblemCodes.StatusFor });
        app.UseMiddleware<EmptyErrorProblems>();
        app.UseMiddleware<RequestLimits>();
        return app;
    }
}
