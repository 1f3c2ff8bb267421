using System.Net;
using System.Net.Sockets;
using ConfigCluster.Adapters.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>
/// A real Orleans silo in this process, clustering through <c>UseAdoNetClustering</c> (invariant <c>Npgsql</c>,
/// keyword connection string) on loopback ports of its own. Disposing stops it, bounded in time.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    private readonly IHost _host;

    private InProcessSilo(IHost host, string name, int gatewayPort)
    {
        _host = host;
        Name = name;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int GatewayPort { get; }

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IClusterMembershipService Membership => _host.Services.GetRequiredService<IClusterMembershipService>();

    public static async Task<InProcessSilo> StartAsync(string connectionString, string clusterId, string name, CancellationToken cancellationToken)
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "configcluster-tests"))
            .Configure<SiloOptions>(o => o.SiloName = name)
            .UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansClustering.Invariant;
                o.ConnectionString = PostgresConnectionString.ToNpgsqlKeywords(connectionString);
            })
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort));
        var host = builder.Build();
        var silo = new InProcessSilo(host, name, gatewayPort);
        try
        {
            await host.StartAsync(cancellationToken);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first membership snapshot of this silo for which <paramref name="done"/> holds (pushed, not polled).</summary>
    public async Task<ClusterMembershipSnapshot> WaitForSnapshotAsync(Func<ClusterMembershipSnapshot, bool> done, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in Membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                if (done(snapshot))
                {
                    return snapshot;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // reported below with the last snapshot
        }

        throw new TimeoutException($"{Name} never saw the expected membership; last: {Membership.CurrentSnapshot}");
    }

    public async ValueTask DisposeAsync()
    {
        using var budget = new CancellationTokenSource(StopBudget);
        try
        {
            await _host.StopAsync(budget.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
