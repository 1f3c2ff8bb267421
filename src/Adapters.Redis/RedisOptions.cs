namespace ConfigCluster.Adapters.Redis;

/// <summary>
/// Where and how to reach the Redis of the shared config cache. Bound from the section <see cref="SectionName"/>;
/// the connection string <c>ConnectionStrings:Redis</c> (<see cref="ConnectionStringName"/>) wins over
/// <c>Redis:ConnectionString</c>. See <c>services.AddRedisConfigCache()</c>.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// StackExchange.Redis form <c>host:port[,option=value...]</c>, or a URL <c>redis://[user:password@]host[:port][/db]</c>
    /// (<c>rediss://</c> for TLS). May hold a password: never logged or printed.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Put before <c>{environment}/{service_name}/{key}</c> in every key, so the cache owns one namespace.</summary>
    public string KeyPrefix { get; set; } = "configcluster:config:";

    /// <summary>The most any cache call (get, set, remove, probe) waits, connecting included; then it is a miss.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The client's own connect and command timeouts; the connection keeps retrying in the background.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public override string ToString() =>
        $"RedisOptions {{ ConnectionString = {(string.IsNullOrWhiteSpace(ConnectionString) ? "(empty)" : "(set)")}, " +
        $"KeyPrefix = {KeyPrefix}, OperationTimeout = {OperationTimeout}, ConnectTimeout = {ConnectTimeout} }}";
}
