using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// The client settings of the one shared multiplexer: it never refuses to start while Redis is down
/// (<c>AbortOnConnectFail=false</c>), fails commands fast while disconnected instead of queueing them,
/// keeps its own timeouts small and reconnects by itself with a short, capped back-off.
/// </summary>
internal static class RedisClientConfiguration
{
    private const string ClientName = "configcluster";

    public static ConfigurationOptions Create(RedisOptions options)
    {
        if (!RedisConnectionString.TryParse(options.ConnectionString, out var configuration, out var problem))
        {
            throw new InvalidOperationException($"ConnectionStrings:{RedisOptions.ConnectionStringName} {problem}.");
        }

        var timeoutMs = (int)Math.Ceiling(options.ConnectTimeout.TotalMilliseconds);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = timeoutMs;
        configuration.SyncTimeout = timeoutMs;
        configuration.AsyncTimeout = timeoutMs;
        configuration.ConnectRetry = 1;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(Math.Min(timeoutMs, 250), Math.Max(timeoutMs, 2000));
        configuration.ClientName ??= ClientName;
        return configuration;
    }
}
