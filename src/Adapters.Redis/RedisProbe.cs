using System.Globalization;
using ConfigCluster.Adapters.Redis.Internal;
using ConfigCluster.Grains.Interfaces.Status;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis;

/// <summary>
/// Reports Redis as <c>redis</c> in the service status: Up when a PING is answered within
/// <see cref="RedisOptions.OperationTimeout"/>, else Down with a short reason. Never throws for an unreachable Redis.
/// </summary>
public sealed class RedisProbe : IDependencyProbe
{
    public const string Name = "redis";

    private readonly RedisCommandRunner _runner;

    public RedisProbe(RedisConnection connection, IOptions<RedisOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = new RedisCommandRunner(connection, options.Value.OperationTimeout, timeProvider);
    }

    public async Task<DependencyStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        var reply = await _runner.RunAsync("PING", "-", db => db.PingAsync(), cancellationToken).ConfigureAwait(false);
        return reply.IsAnswered
            ? new DependencyStatus(Name, DependencyState.Up, string.Create(CultureInfo.InvariantCulture, $"PING {reply.Value.TotalMilliseconds:0.#} ms"))
            : new DependencyStatus(Name, DependencyState.Down, reply.Reason);
    }
}
