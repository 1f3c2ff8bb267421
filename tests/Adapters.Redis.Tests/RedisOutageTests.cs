using Xunit.Abstractions;

namespace ConfigCluster.Adapters.Redis.Tests;

/// <summary>
/// The cache while its Redis is stopped or frozen (SIGSTOP): misses and false, never exceptions, never a wait
/// much past <see cref="RedisOptions.OperationTimeout"/>; and the same cache works again once Redis is back.
/// Each test has its own redis-server.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    // Bounded, not fast: far below the 5 s a StackExchange.Redis call waits by default, with room for a
    // loaded 2-core CI machine (1.1 s was seen there against the 250 ms budget). The figures are printed.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);

    private readonly RedisServerProcess _redis = RedisServerProcess.Start();
    private readonly CacheHost _host;
    private readonly ITestOutputHelper _output;
    private readonly ConfigAddress _address = TestConfigs.NewAddress();

    public RedisOutageTests(ITestOutputHelper output)
    {
        _output = output;
        _host = new CacheHost(_redis.ConnectionString);
    }

    [Fact]
    public async Task GetOnAStoppedRedisReturnsAMissWithinTheTimeout()
    {
        await CacheAnEntryAsync();
        _redis.Stop();

        var (entry, elapsed) = await Timed.RunAsync(() => _host.Cache.GetAsync(_address, default));

        Report("stopped", "GET", elapsed);
        Assert.Null(entry);
        Assert.True(elapsed < _host.Options.OperationTimeout + TimeSpan.FromMilliseconds(500), $"took {elapsed}");
    }

    [Fact]
    public async Task SetAndRemoveOnAStoppedRedisReturnFalseWithinTheTimeout()
    {
        await CacheAnEntryAsync();
        _redis.Stop();

        var (set, setElapsed) = await Timed.RunAsync(() => _host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default));
        var (removed, removeElapsed) = await Timed.RunAsync(() => _host.Cache.RemoveAsync(_address, default));

        Report("stopped", "SET", setElapsed);
        Report("stopped", "DEL", removeElapsed);
        Assert.False(set);
        Assert.False(removed);
        Assert.All([setElapsed, removeElapsed], elapsed => Assert.True(elapsed < _host.Options.OperationTimeout + TimeSpan.FromMilliseconds(500), $"took {elapsed}"));
    }

    [Fact]
    public async Task GetOnAFrozenRedisReturnsAMissWithinTheTimeout()
    {
        await CacheAnEntryAsync();
        _redis.Freeze();

        var (entry, elapsed) = await Timed.RunAsync(() => _host.Cache.GetAsync(_address, default));

        Report("frozen", "GET", elapsed);
        Assert.Null(entry);
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public async Task SetAndRemoveOnAFrozenRedisReturnFalseWithinTheTimeout()
    {
        await CacheAnEntryAsync();
        _redis.Freeze();

        var (set, setElapsed) = await Timed.RunAsync(() => _host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default));
        var (removed, removeElapsed) = await Timed.RunAsync(() => _host.Cache.RemoveAsync(_address, default));

        Report("frozen", "SET", setElapsed);
        Report("frozen", "DEL", removeElapsed);
        Assert.False(set);
        Assert.False(removed);
        Assert.All([setElapsed, removeElapsed], elapsed => Assert.True(elapsed < Bound, $"took {elapsed}"));
    }

    [Fact]
    public async Task ManyConcurrentGetsOnAFrozenRedisAllReturnMissesWithinTheTimeout()
    {
        await CacheAnEntryAsync();
        _redis.Freeze();

        var calls = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Timed.RunAsync(() => _host.Cache.GetAsync(_address, default))));

        Report("frozen", "50 concurrent GETs, slowest", calls.Max(call => call.Elapsed));
        Assert.All(calls, call => Assert.Null(call.Result));
        Assert.All(calls, call => Assert.True(call.Elapsed < Bound, $"took {call.Elapsed}"));
    }

    [Fact]
    public async Task TheSameCacheServesAgainAfterAFrozenRedisIsThawed()
    {
        await CacheAnEntryAsync();
        _redis.Freeze();
        Assert.Null(await _host.Cache.GetAsync(_address, default));

        _redis.Thaw();

        Assert.True(await Eventually.HoldsAsync(async () => await _host.Cache.GetAsync(_address, default) is not null, Recovery));
        Assert.Equal(1, _host.Connection.MultiplexersCreated);
    }

    [Fact]
    public async Task TheSameCacheWorksAgainAfterRedisRestartsWithoutANewMultiplexer()
    {
        await CacheAnEntryAsync();
        _redis.Stop();
        Assert.False(await _host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default));

        _redis.Restart();

        Assert.True(await Eventually.HoldsAsync(
            () => _host.Cache.SetAsync(_address, TestConfigs.Entry("after restart"), TestConfigs.LongTimeToLive, default), Recovery));
        Assert.Equal("after restart", (await _host.Cache.GetAsync(_address, default))?.Value);
        Assert.Equal(1, _host.Connection.MultiplexersCreated);
    }

    [Fact]
    public async Task ACacheCreatedWhileRedisIsDownMissesQuicklyAndWorksOnceRedisStarts()
    {
        _redis.Stop();
        using var host = new CacheHost(_redis.ConnectionString);

        var (entry, elapsed) = await Timed.RunAsync(() => host.Cache.GetAsync(_address, default));
        Report("never started", "first GET", elapsed);
        Assert.Null(entry);
        Assert.True(elapsed < Bound, $"took {elapsed}");

        _redis.Restart();

        Assert.True(await Eventually.HoldsAsync(
            () => host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default), Recovery));
        Assert.Equal(1, host.Connection.MultiplexersCreated);
    }

    [Fact]
    public async Task AnOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds()
    {
        await CacheAnEntryAsync();
        _redis.Stop();
        for (var call = 0; call < 10; call++)
        {
            Assert.Null(await _host.Cache.GetAsync(_address, default));
        }

        _redis.Restart();
        Assert.True(await Eventually.HoldsAsync(
            () => _host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default), Recovery));

        Assert.Single(_host.Logs.Lines, line => line.EventId == 3100);
        Assert.Single(_host.Logs.Lines, line => line.EventId == 3101);
    }

    public void Dispose()
    {
        _host.Dispose();
        _redis.Dispose();
    }

    /// <summary>Setup, not the behaviour under test: on a loaded machine one SET may miss its 250 ms budget, so retry.</summary>
    private async Task CacheAnEntryAsync()
    {
        await _host.ConnectAsync();
        Assert.True(await Eventually.HoldsAsync(
            () => _host.Cache.SetAsync(_address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default), TimeSpan.FromSeconds(10)));
    }

    private void Report(string state, string call, TimeSpan elapsed) =>
        _output.WriteLine($"{state} Redis: {call} returned after {elapsed.TotalMilliseconds:0} ms");
}
