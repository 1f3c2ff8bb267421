namespace ConfigCluster.Adapters.Redis.Tests;

/// <summary>The cache against a live private redis-server: what it stores, where, for how long, and what it reads back.</summary>
public sealed class RedisConfigCacheTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // A healthy Redis: a generous budget, so a loaded CI machine cannot turn a round trip into a miss.
    private readonly CacheHost _host = new(redis.Server.ConnectionString, o => o.OperationTimeout = TimeSpan.FromSeconds(5));

    private int Port => redis.Server.Port;

    [Fact]
    public async Task SetThenGetReturnsTheSameEntry()
    {
        var address = TestConfigs.NewAddress();
        var entry = TestConfigs.Entry("multi\nline \"quoted\" ünïcødé 🙂 value");

        Assert.True(await _host.Cache.SetAsync(address, entry, TestConfigs.LongTimeToLive, default));

        Assert.Equal(entry, await _host.Cache.GetAsync(address, default));
    }

    [Fact]
    public async Task GetOfAnAddressNeverCachedIsAMiss()
    {
        Assert.Null(await _host.Cache.GetAsync(TestConfigs.NewAddress(), default));
    }

    [Fact]
    public async Task SetReplacesTheEarlierEntry()
    {
        var address = TestConfigs.NewAddress();
        await _host.Cache.SetAsync(address, TestConfigs.Entry("old", version: 1), TestConfigs.LongTimeToLive, default);

        await _host.Cache.SetAsync(address, TestConfigs.Entry("new", version: 2), TestConfigs.LongTimeToLive, default);

        Assert.Equal(TestConfigs.Entry("new", version: 2), await _host.Cache.GetAsync(address, default));
    }

    [Fact]
    public async Task AnEntryIsStoredWithTheGivenTimeToLive()
    {
        var address = TestConfigs.NewAddress();

        await _host.Cache.SetAsync(address, TestConfigs.Entry(), TimeSpan.FromSeconds(30), default);

        var remainingMs = long.Parse(RawRedisClient.Run(Port, "PTTL", _host.KeyOf(address))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(remainingMs, 25_000, 30_000);
    }

    [Fact]
    public async Task AnEntryExpiresWhenItsTimeToLiveRunsOut()
    {
        var address = TestConfigs.NewAddress();
        await _host.Cache.SetAsync(address, TestConfigs.Entry(), TimeSpan.FromMilliseconds(300), default);
        Assert.NotNull(await _host.Cache.GetAsync(address, default));

        var expired = await Eventually.HoldsAsync(async () => await _host.Cache.GetAsync(address, default) is null, TimeSpan.FromSeconds(10));

        Assert.True(expired, "the entry was still served 10 s after its 300 ms TTL");
        Assert.Equal("0", RawRedisClient.Run(Port, "EXISTS", _host.KeyOf(address)));
    }

    [Fact]
    public async Task RemoveDeletesTheEntry()
    {
        var address = TestConfigs.NewAddress();
        await _host.Cache.SetAsync(address, TestConfigs.Entry(), TestConfigs.LongTimeToLive, default);

        Assert.True(await _host.Cache.RemoveAsync(address, default));

        Assert.Null(await _host.Cache.GetAsync(address, default));
        Assert.Equal("0", RawRedisClient.Run(Port, "EXISTS", _host.KeyOf(address)));
    }

    [Fact]
    public async Task RemoveOfAnAbsentEntrySucceeds()
    {
        Assert.True(await _host.Cache.RemoveAsync(TestConfigs.NewAddress(), default));
    }

    [Fact]
    public async Task AnEntryIsStoredUnderThePrefixedConfigPathAsCompactJson()
    {
        var address = new ConfigAddress("prod", "billing-" + Guid.NewGuid().ToString("N")[..6], "db.url");

        await _host.Cache.SetAsync(address, TestConfigs.Entry("postgres://db"), TestConfigs.LongTimeToLive, default);

        var key = $"configcluster:config:prod/{address.ServiceName}/db.url";
        Assert.Equal(key, _host.KeyOf(address));
        Assert.Equal(
            """{"value":"postgres://db","version":3,"created_at":"2025-01-02T03:04:05.678Z","updated_at":"2025-06-07T08:09:10.123Z","change_id":42,"cached_at":"2025-06-07T08:09:11Z"}""",
            RawRedisClient.Run(Port, "GET", key));
    }

    [Fact]
    public async Task CachesWithDifferentPrefixesDoNotSeeEachOthersEntries()
    {
        using var other = new CacheHost(redis.Server.ConnectionString, options => options.KeyPrefix = "other-app:");
        var address = TestConfigs.NewAddress();
        await other.ConnectAsync();

        await other.Cache.SetAsync(address, TestConfigs.Entry("theirs"), TestConfigs.LongTimeToLive, default);

        Assert.Null(await _host.Cache.GetAsync(address, default));
        Assert.Equal("1", RawRedisClient.Run(Port, "EXISTS", "other-app:" + address.Path));
        Assert.Equal("0", RawRedisClient.Run(Port, "EXISTS", address.Path));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("""{"value":"v","version":"3","created_at":"2025-01-02T03:04:05Z","updated_at":"2025-01-02T03:04:05Z","change_id":1,"cached_at":"2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"value":"v","version":3,"created_at":"yesterday","updated_at":"2025-01-02T03:04:05Z","change_id":1,"cached_at":"2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"value":"v","version":3,"created_at":"2025-01-02T03:04:05Z","updated_at":"2025-01-02T03:04:05Z","change_id":1}""")]
    [InlineData("""{"value":"v","version":3,"created_at":"2025-01-02T03:04:05Z","updated_at":"2025-01-02T03:04:05Z","change_id":1,"cached_at":"2025-01-02T03:04:05Z"} trailing""")]
    [InlineData("""{"value":"v","version":3,"created_at":"2025-01""")]
    public async Task ACorruptEntryIsAMissAndIsDeleted(string stored)
    {
        var address = TestConfigs.NewAddress();
        var key = _host.KeyOf(address);
        RawRedisClient.Run(Port, "SET", key, stored);

        Assert.Null(await _host.Cache.GetAsync(address, default));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(RawRedisClient.Run(Port, "EXISTS", key) == "0"), TimeSpan.FromSeconds(5)));
        Assert.Contains(_host.Logs.Lines, line => line.EventId == 3104 && line.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKeyHoldingAnotherRedisTypeIsAMissAndIsDeleted()
    {
        var address = TestConfigs.NewAddress();
        var key = _host.KeyOf(address);
        RawRedisClient.Run(Port, "HSET", key, "value", "x");

        Assert.Null(await _host.Cache.GetAsync(address, default));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(RawRedisClient.Run(Port, "EXISTS", key) == "0"), TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.EventId == 3100);
    }

    [Fact]
    public async Task AnEntryWithFieldsAddedByALaterVersionIsStillRead()
    {
        var address = TestConfigs.NewAddress();
        RawRedisClient.Run(Port, "SET", _host.KeyOf(address),
            """{"value":"v","future":{"a":[1,2]},"version":3,"created_at":"2025-01-02T03:04:05Z","updated_at":"2025-01-02T03:04:06Z","change_id":9,"cached_at":"2025-01-02T03:04:07Z"}""");

        var entry = await _host.Cache.GetAsync(address, default);

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 7, TimeSpan.Zero), entry?.CachedAt);
        Assert.Equal(("v", 3L, 9L), (entry!.Value, entry.Version, entry.ChangeId));
    }

    [Fact]
    public async Task OnlyTheCallersOwnCancellationIsThrown()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Cache.GetAsync(TestConfigs.NewAddress(), cancelled.Token));
    }

    [Fact]
    public async Task ValuesNeverAppearInTheLog()
    {
        var address = TestConfigs.NewAddress();
        const string value = "do-not-log-me-7f3a";
        await _host.Cache.SetAsync(address, TestConfigs.Entry(value), TestConfigs.LongTimeToLive, default);
        await _host.Cache.GetAsync(address, default);
        RawRedisClient.Run(Port, "SET", _host.KeyOf(address), $"{{\"value\":\"{value}\"");
        await _host.Cache.GetAsync(address, default);

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Message.Contains(value, StringComparison.Ordinal));
    }

    public Task InitializeAsync() => _host.ConnectAsync();

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }
}
