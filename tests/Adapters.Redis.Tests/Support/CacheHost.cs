using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis.Tests.Support;

/// <summary>
/// The adapter as a silo wires it: configuration with <c>ConnectionStrings:Redis</c>, logging, and
/// <c>services.AddRedisConfigCache()</c> in a real service provider. Every log line is kept in <see cref="Logs"/>.
/// </summary>
public sealed class CacheHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public CacheHost(string connectionString, Action<RedisOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddRedisConfigCache(configure);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ListLoggerProvider Logs { get; } = new();

    public IConfigCache Cache => _provider.GetRequiredService<IConfigCache>();

    public RedisProbe Probe => _provider.GetServices<IDependencyProbe>().OfType<RedisProbe>().Single();

    public RedisConnection Connection => _provider.GetRequiredService<RedisConnection>();

    public RedisOptions Options => _provider.GetRequiredService<IOptions<RedisOptions>>().Value;

    public string KeyOf(ConfigAddress address) => _provider.GetRequiredService<RedisConfigCache>().KeyOf(address);

    /// <summary>
    /// Waits until the shared multiplexer has connected and answers a PING. The very first cache call of a fresh
    /// host is bounded by the operation timeout like every other, so on a busy machine it may be a miss;
    /// tests about anything else start from a connected cache.
    /// </summary>
    public async Task ConnectAsync()
    {
        var multiplexer = await Connection.GetMultiplexerAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await Eventually.HoldsAsync(
            async () => multiplexer.IsConnected && (await Probe.ProbeAsync(default)).State == DependencyState.Up, TimeSpan.FromSeconds(10)),
            "the cache did not connect to Redis within 10 s");
    }

    public void Dispose() => _provider.Dispose();
}
