using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis.Tests;

/// <summary>What <c>services.AddRedisConfigCache()</c> registers and how it reads its configuration.</summary>
public sealed class RedisServiceCollectionExtensionsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task TheCacheAndTheProbeShareOneMultiplexer()
    {
        using var host = new CacheHost(redis.Server.ConnectionString);
        var address = TestConfigs.NewAddress();
        await host.ConnectAsync();

        await Task.WhenAll(
            host.Cache.SetAsync(address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default),
            host.Cache.GetAsync(address, default),
            host.Probe.ProbeAsync(default),
            host.Cache.RemoveAsync(address, default));

        Assert.Equal(DependencyState.Up, (await host.Probe.ProbeAsync(default)).State);
        Assert.Equal(1, host.Connection.MultiplexersCreated);
        Assert.Same(await host.Connection.GetMultiplexerAsync(), await host.Connection.GetMultiplexerAsync());
    }

    [Fact]
    public async Task ARedisUrlConnectionStringIsAcceptedWithItsDatabaseNumber()
    {
        using var host = new CacheHost($"redis://127.0.0.1:{redis.Server.Port}/3", o => o.OperationTimeout = TimeSpan.FromSeconds(5));
        var address = TestConfigs.NewAddress();
        await host.ConnectAsync();

        Assert.True(await host.Cache.SetAsync(address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default));

        using var raw = RawRedisClient.Connect(redis.Server.Port);
        Assert.Equal("0", raw.Send("EXISTS", host.KeyOf(address)));
        raw.Send("SELECT", "3");
        Assert.Equal("1", raw.Send("EXISTS", host.KeyOf(address)));
    }

    [Fact]
    public void AddRedisConfigCacheReplacesACacheRegisteredBeforeIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfigCache, NoCache>();

        services.AddRedisConfigCache(options => options.ConnectionString = redis.Server.ConnectionString);

        using var provider = services.BuildServiceProvider();
        Assert.IsType<RedisConfigCache>(provider.GetRequiredService<IConfigCache>());
    }

    [Fact]
    public void CallingAddRedisConfigCacheTwiceRegistersOneCacheAndOneProbe()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddRedisConfigCache(options => options.ConnectionString = redis.Server.ConnectionString).AddRedisConfigCache();

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IConfigCache>());
        Assert.Single(provider.GetServices<IDependencyProbe>());
        Assert.Same(provider.GetRequiredService<IConfigCache>(), provider.GetRequiredService<RedisConfigCache>());
    }

    [Fact]
    public void TheConnectionStringWinsOverTheRedisSection()
    {
        var options = Bind(new()
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1234",
            ["Redis:ConnectionString"] = "127.0.0.1:9999",
            ["Redis:KeyPrefix"] = "mine:",
            ["Redis:OperationTimeout"] = "00:00:00.100",
        });

        Assert.Equal(("127.0.0.1:1234", "mine:", TimeSpan.FromMilliseconds(100)), (options.ConnectionString, options.KeyPrefix, options.OperationTimeout));
    }

    [Fact]
    public void DefaultsAreThePrefixConfigclusterConfigAndA250MillisecondTimeout()
    {
        var options = Bind(new() { ["ConnectionStrings:Redis"] = "localhost:6379" });

        Assert.Equal(("configcluster:config:", TimeSpan.FromMilliseconds(250)), (options.KeyPrefix, options.OperationTimeout));
    }

    [Theory]
    [InlineData(null, "ConnectionStrings:Redis")]
    [InlineData("http://127.0.0.1:6379", "ConnectionStrings:Redis")]
    [InlineData("localhost:6379,nonsense=1", "ConnectionStrings:Redis")]
    public void AMissingOrInvalidConnectionStringFailsAtStart(string? connectionString, string expected)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["ConnectionStrings:Redis"] = connectionString }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Redis:OperationTimeout", "00:00:00", "Redis:OperationTimeout")]
    [InlineData("Redis:KeyPrefix", "has space:", "Redis:KeyPrefix")]
    [InlineData("Redis:ConnectTimeout", "-00:00:01", "Redis:ConnectTimeout")]
    public void AnInvalidSettingFailsAtStart(string setting, string value, string expected)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["ConnectionStrings:Redis"] = "localhost", [setting] = value }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    private static RedisOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddRedisConfigCache().BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RedisOptions>>().Value;
    }

    private sealed class NoCache : IConfigCache
    {
        public Task<CachedConfig?> GetAsync(ConfigAddress address, CancellationToken cancellationToken) => Task.FromResult<CachedConfig?>(null);

        public Task<bool> SetAsync(ConfigAddress address, CachedConfig entry, TimeSpan timeToLive, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> RemoveAsync(ConfigAddress address, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
