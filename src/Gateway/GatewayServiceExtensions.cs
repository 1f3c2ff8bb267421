using System.Text.Json;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.LocalReads;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConfigCluster.Gateway;

public static class GatewayServiceExtensions
{
    /// <summary>
    /// JSON, RFC 9457 problem details and request ids for the REST API, its references to config grains,
    /// and the local reads that the config grains in this silo publish for it.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ConfigGrainReferences>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILocalReadRenderer, LocalReadBodies>();
        builder.Services.AddSingleton<LocalConfigReads>();
        builder.Services.AddSingleton<ILocalReadPublisher>(sp => sp.GetRequiredService<LocalConfigReads>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("request_id", c.HttpContext.TraceIdentifier));
        return builder;
    }

    /// <summary>
    /// Every error, including unknown routes, wrong methods, oversized bodies and unhandled exceptions,
    /// answers as application/problem+json; an exception's message is never shown.
    /// </summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseMiddleware<EmptyErrorProblems>();
        return app;
    }
}
