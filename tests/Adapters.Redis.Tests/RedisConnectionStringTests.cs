using System.Net;
using ConfigCluster.Adapters.Redis.Internal;
using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis.Tests;

/// <summary>Both accepted connection-string forms, and the client settings every connection gets.</summary>
public sealed class RedisConnectionStringTests
{
    [Fact]
    public void TheStackExchangeFormKeepsItsHostPortAndOptions()
    {
        Assert.True(RedisConnectionString.TryParse("cache.internal:6380,password=s3cret,defaultDatabase=2", out var configuration, out _));

        Assert.Equal(new DnsEndPoint("cache.internal", 6380), configuration.EndPoints.Single());
        Assert.Equal(("s3cret", 2), (configuration.Password, configuration.DefaultDatabase));
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6390", 6390, null)]
    [InlineData("redis://127.0.0.1", 6379, null)]
    [InlineData("redis://127.0.0.1:6390/", 6390, null)]
    [InlineData("redis://127.0.0.1:6390/5", 6390, 5)]
    public void ARedisUrlGivesHostPortAndDatabase(string url, int port, int? database)
    {
        Assert.True(RedisConnectionString.TryParse(url, out var configuration, out var problem), problem);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), configuration.EndPoints.Single());
        Assert.Equal((database, false), (configuration.DefaultDatabase, configuration.Ssl));
    }

    [Fact]
    public void ARedissUrlWithCredentialsTurnsOnTlsAndAuthenticates()
    {
        Assert.True(RedisConnectionString.TryParse("rediss://app:p%40ss@cache.internal:6380/1", out var configuration, out _));

        Assert.Equal(("app", "p@ss", true, 1), (configuration.User, configuration.Password, configuration.Ssl, configuration.DefaultDatabase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("redis://127.0.0.1:6379/zero")]
    [InlineData("redis://127.0.0.1:6379?ssl=true")]
    [InlineData("https://user:topsecret@127.0.0.1:6379")]
    [InlineData("redis://user:topsecret@127.0.0.1:6379/x")]
    public void AnUnusableConnectionStringIsRejectedWithoutQuotingIt(string connectionString)
    {
        Assert.False(RedisConnectionString.TryParse(connectionString, out _, out var problem));

        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.DoesNotContain("topsecret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryConnectionStartsWithoutRedisFailsFastWhileDisconnectedAndKeepsTimeoutsSmall()
    {
        var configuration = RedisClientConfiguration.Create(new RedisOptions { ConnectionString = "127.0.0.1:6379,abortConnect=true" });

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
        Assert.Equal((1000, 1000, 1000), (configuration.ConnectTimeout, configuration.AsyncTimeout, configuration.SyncTimeout));
    }
}
