using ConfigCluster.DevKafka;
using ConfigCluster.DevVault;
using ConfigCluster.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// The whole service on one machine: a gateway silo (in this process) with the dev Vault, a fresh
/// PostgreSQL database, Redis and a Kafka mock cluster, each a real server on loopback. The gateway can
/// be restarted on the same dependencies (fresh grains), and every log line it writes is captured.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    private WebApplication? _gateway;

    public DevVaultServer Vault { get; private set; } = null!;

    public DevVaultOptions VaultOptions { get; } = new() { Port = FreePort.Next(), RootToken = "e2e-root" };

    public MockKafkaCluster Kafka { get; private set; } = null!;

    public PostgresTestDatabase Postgres { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Redis connection string; each fixture uses its own key prefix on the shared test Redis.</summary>
    public virtual string RedisConnection => TestEnvironment.Redis;

    public string RedisPrefix { get; } = $"e2e-{Guid.NewGuid():N}:";

    /// <summary>What callers without a credential may do (Auth:Anonymous).</summary>
    protected virtual string Anonymous => "Admin";

    public virtual async Task InitializeAsync()
    {
        Vault = await DevVaultServer.StartAsync(VaultOptions);
        Kafka = MockKafkaCluster.Start(3, (KafkaEvents.Topic, 4), (KafkaEvents.AccessTopic, 1), (KafkaEvents.FlagTopic, 4), (KafkaEvents.RegistryTopic, 4));
        Postgres = await PostgresTestDatabase.CreateAsync();
        await PrepareVaultAsync();
        if (StartsGateway)
        {
            await StartGatewayAsync();
        }
    }

    /// <summary>Vault's side of the silos' login, set up before the gateway starts (nothing: they take the root token).</summary>
    protected virtual Task PrepareVaultAsync() => Task.CompletedTask;

    /// <summary>Services a fixture adds to the gateway silo (e.g. a trace exporter), after the gateway's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>How the silos log in to Vault: by default with the dev Vault's root token.</summary>
    protected virtual IEnumerable<string> VaultLoginArgs => [$"--VAULT_TOKEN={Vault.RootToken}"];

    /// <summary>False for tests that run the gateway as a separate process themselves.</summary>
    protected virtual bool StartsGateway => true;

    /// <summary>A silo's settings for every dependency of this fixture, on loopback (ports are the silo's own business).</summary>
    public IReadOnlyList<string> DependencyArgs =>
    [
        $"--VAULT_ADDR={Vault.Address}",
        .. VaultLoginArgs,
        $"--ConnectionStrings:Postgres={Postgres.ConnectionString}",
        $"--ConnectionStrings:Redis={RedisConnection}",
        $"--ConnectionStrings:Kafka={Kafka.BootstrapServers}",
        $"--Redis:KeyPrefix={RedisPrefix}",
        // Generous on a loaded 2-core CI machine; the bounded-time behaviour has its own adapter tests.
        "--Redis:OperationTimeout=00:00:02",
        // As ./run.sh: callers without a credential may do anything; the access tests say otherwise.
        $"--Auth:Anonymous={Anonymous}",
    ];

    public async Task RestartGatewayAsync()
    {
        await StopGatewayAsync();
        await StartGatewayAsync();
    }

    public async Task RestartVaultAsync() => Vault = await DevVaultServer.StartAsync(VaultOptions, Vault.State);

    protected virtual IEnumerable<string> ExtraArgs => [];

    private async Task StartGatewayAsync()
    {
        (_gateway, Http) = await StartSiloAsync(DependencyArgs);
    }

    /// <summary>
    /// A gateway silo in this process on <paramref name="dependencyArgs"/> (e.g. <see cref="DependencyArgs"/> with other
    /// Vault credentials), in a cluster of its own; the caller stops and disposes it.
    /// </summary>
    public async Task<(WebApplication App, HttpClient Http)> StartSiloAsync(IEnumerable<string> dependencyArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            .. dependencyArgs,
            $"--Cluster:SiloPort={FreePort.Next()}",
            "--Cluster:GatewayPort=0",
            "--Logging:LogLevel:Default=Trace",
            .. ExtraArgs,
        ];
        var app = GatewayApp.Build(args, services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            ConfigureServices(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private async Task StopGatewayAsync()
    {
        Http?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
            _gateway = null;
        }
    }

    public virtual async Task DisposeAsync()
    {
        await StopGatewayAsync();
        await Postgres.DisposeAsync();
        Kafka.Dispose();
        await Vault.DisposeAsync();
    }
}
