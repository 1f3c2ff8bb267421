using ConfigCluster.Adapters.Redis.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis;

/// <summary>
/// The shared cache of non-encrypted configs on Redis: one string key per config,
/// <c>{KeyPrefix}{environment}/{service_name}/{key}</c>, holding a compact JSON entry with the TTL it was set with.
/// Every call is bounded by <see cref="RedisOptions.OperationTimeout"/> and never throws for an unreachable or
/// frozen Redis: a get is then a miss, a set or remove returns false. Values are never logged.
/// </summary>
public sealed class RedisConfigCache : IConfigCache
{
    private static readonly TimeSpan ShortestTimeToLive = TimeSpan.FromMilliseconds(1);

    private readonly RedisCommandRunner _runner;
    private readonly string _keyPrefix;
    private readonly ILogger _logger;

    public RedisConfigCache(
        RedisConnection connection, IOptions<RedisOptions> options, TimeProvider timeProvider, ILogger<RedisConfigCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = new RedisCommandRunner(connection, options.Value.OperationTimeout, timeProvider);
        _keyPrefix = options.Value.KeyPrefix;
        _logger = logger;
    }

    /// <summary>The Redis key of <paramref name="address"/>.</summary>
    public string KeyOf(ConfigAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _keyPrefix + address.Path;
    }

    /// <summary>The entry, or null on a miss, an unreadable entry (which is then deleted) or an unavailable Redis.</summary>
    public async Task<CachedConfig?> GetAsync(ConfigAddress address, CancellationToken cancellationToken)
    {
        var key = KeyOf(address);
        var reply = await _runner.RunAsync("GET", key, db => db.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        if (reply.Kind == RedisReplyKind.WrongType)
        {
            return await DiscardAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (!reply.IsAnswered || reply.Value.IsNull)
        {
            return null;
        }

        return CachedConfigJson.TryRead(((ReadOnlyMemory<byte>)reply.Value).Span)
            ?? await DiscardAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores <paramref name="entry"/> for <paramref name="timeToLive"/>; true when Redis acknowledged it.</summary>
    public async Task<bool> SetAsync(ConfigAddress address, CachedConfig entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var key = KeyOf(address);
        RedisValue json = CachedConfigJson.Write(entry);
        var expiry = new Expiration(timeToLive < ShortestTimeToLive ? ShortestTimeToLive : timeToLive);
        var reply = await _runner.RunAsync("SET", key, db => db.StringSetAsync(key, json, expiry), cancellationToken).ConfigureAwait(false);
        return reply.IsAnswered && reply.Value;
    }

    /// <summary>Deletes the entry; true when Redis answered (whether or not there was one), so none remains.</summary>
    public async Task<bool> RemoveAsync(ConfigAddress address, CancellationToken cancellationToken)
    {
        var key = KeyOf(address);
        var reply = await _runner.RunAsync("DEL", key, db => db.KeyDeleteAsync(key), cancellationToken).ConfigureAwait(false);
        return reply.IsAnswered;
    }

    private async Task<CachedConfig?> DiscardAsync(string key, CancellationToken cancellationToken)
    {
        _logger.CorruptEntry(key);
        await _runner.RunAsync("DEL", key, db => db.KeyDeleteAsync(key, CommandFlags.FireAndForget), cancellationToken)
            .ConfigureAwait(false);
        return null;
    }
}
