using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Apis;
using ConfigCluster.Hosting;
using ConfigCluster.Hosting.Health;

namespace ConfigCluster.Gateway;

/// <summary>Builds the gateway silo; Program runs it, tests start it on loopback ports.</summary>
public static class GatewayApp
{
    /// <param name="args">Command-line arguments; also configuration overrides (<c>--Section:Key=value</c>).</param>
    /// <param name="configureServices">Replaces services after the defaults (tests: a fake clock).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddConfigClusterSilo();
        builder.AddGatewayServices();
        builder.AddGatewayAccess();
        builder.Services.AddGatewayApiDocs();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGatewayPipeline();
        app.UseGatewayAccess();
        app.MapSiloHealth();
        app.MapSiloMetrics();
        app.MapConfigApi();
        app.MapAuthApi();
        app.MapFlagApi();
        app.MapOfrepApi();
        app.MapRegistryApi();
        app.MapEnvironmentApi();
        app.MapLegacyMigrationApi();
        app.MapGatewayApiDocs();
        return app;
    }
}
