namespace ConfigCluster.Adapters.Redis.Tests.Support;

/// <summary>One private redis-server for a whole test class (tests there never stop or freeze it).</summary>
public sealed class RedisServerFixture : IDisposable
{
    public RedisServerProcess Server { get; } = RedisServerProcess.Start();

    public void Dispose() => Server.Dispose();
}
