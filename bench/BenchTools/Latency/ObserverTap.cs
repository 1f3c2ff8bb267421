using ConfigCluster.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.BenchTools.Latency;

/// <summary>
/// An in-cluster watcher as a service would run one: an Orleans client of the gateway silo
/// (static gateway on loopback) watching one service through <see cref="ConfigClient.WatchServiceAsync"/>.
/// </summary>
internal sealed class ObserverTap : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IAsyncDisposable _watch;

    private ObserverTap(IHost host, IAsyncDisposable watch) => (_host, _watch) = (host, watch);

    public static async Task<ObserverTap> StartAsync(int orleansGatewayPort, string environment, string service, ArrivalLog log)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Cluster:GatewayPort"] = orleansGatewayPort.ToString(CultureInfo.InvariantCulture);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddConfigClusterClient();
        var host = builder.Build();
        await host.StartAsync();
        var configs = host.Services.GetRequiredService<ConfigClient>();
        var watch = await configs.WatchServiceAsync(environment, service, change =>
        {
            log.Record(change.Address.Key, change.Version);
            return Task.CompletedTask;
        });
        return new ObserverTap(host, watch);
    }

    public async ValueTask DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
    }
}
