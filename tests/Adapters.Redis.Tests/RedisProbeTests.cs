using ConfigCluster.Grains.Interfaces.Status;
using Xunit.Abstractions;

namespace ConfigCluster.Adapters.Redis.Tests;

/// <summary>The <c>redis</c> dependency probe against its own redis-server per test.</summary>
public sealed class RedisProbeTests : IDisposable
{
    // Bounded, not fast: far below the 5 s a StackExchange.Redis call waits by default, with room for a
    // loaded 2-core CI machine (1.1 s was seen there against the 250 ms budget). The figures are printed.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    private readonly RedisServerProcess _redis = RedisServerProcess.Start();
    private readonly CacheHost _host;
    private readonly ITestOutputHelper _output;

    public RedisProbeTests(ITestOutputHelper output)
    {
        _output = output;
        _host = new CacheHost(_redis.ConnectionString);
    }

    [Fact]
    public async Task TheProbeReportsUpWhileRedisAnswersPing()
    {
        await _host.ConnectAsync();

        var status = await _host.Probe.ProbeAsync(default);

        Assert.Equal(("redis", DependencyState.Up), (status.Name, status.State));
        Assert.StartsWith("PING ", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProbeReportsDownWhenRedisIsStopped()
    {
        await _host.ConnectAsync();
        _redis.Stop();

        var (status, elapsed) = await Timed.RunAsync(() => _host.Probe.ProbeAsync(default));

        _output.WriteLine($"stopped Redis: probe returned {status} after {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(("redis", DependencyState.Down), (status.Name, status.State));
        Assert.False(string.IsNullOrWhiteSpace(status.Detail));
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public async Task TheProbeReportsDownWithinTheTimeoutWhenRedisIsFrozen()
    {
        await _host.ConnectAsync();
        _redis.Freeze();

        var (status, elapsed) = await Timed.RunAsync(() => _host.Probe.ProbeAsync(default));

        _output.WriteLine($"frozen Redis: probe returned {status} after {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(DependencyState.Down, status.State);
        Assert.Equal("no answer within 250 ms", status.Detail);
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public async Task TheProbeReportsUpAgainOnceAFrozenRedisIsThawed()
    {
        await _host.ConnectAsync();
        _redis.Freeze();
        Assert.Equal(DependencyState.Down, (await _host.Probe.ProbeAsync(default)).State);

        _redis.Thaw();

        Assert.True(await Eventually.HoldsAsync(
            async () => (await _host.Probe.ProbeAsync(default)).State == DependencyState.Up, TimeSpan.FromSeconds(20)));
    }

    public void Dispose()
    {
        _host.Dispose();
        _redis.Dispose();
    }
}
