using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// Runs one Redis command within a fixed budget (connecting included) and turns every way Redis can fail to
/// answer into <see cref="RedisReplyKind.Unavailable"/>: no exception leaves for an unreachable or frozen Redis,
/// and no call waits longer than the budget. Only the caller's own cancellation is thrown.
/// </summary>
internal sealed class RedisCommandRunner(RedisConnection connection, TimeSpan budget, TimeProvider timeProvider)
{
    public TimeSpan Budget => budget;

    public async Task<RedisReply<T>> RunAsync<T>(
        string command, string key, Func<IDatabase, Task<T>> send, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        Task<T>? pending = null;
        try
        {
            var multiplexer = await connection.GetMultiplexerAsync().WaitAsync(linked.Token).ConfigureAwait(false);
            pending = send(multiplexer.GetDatabase());
            var value = await pending.WaitAsync(linked.Token).ConfigureAwait(false);
            connection.ReportAnswered();
            return new RedisReply<T>(RedisReplyKind.Answered, value, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Observe(pending);
            return Unavailable<T>(command, key, $"no answer within {budget.TotalMilliseconds:0} ms");
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
        {
            connection.ReportAnswered();
            return new RedisReply<T>(RedisReplyKind.WrongType, default, "WRONGTYPE");
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            return Unavailable<T>(command, key, Describe(exception));
        }
    }

    private RedisReply<T> Unavailable<T>(string command, string key, string reason)
    {
        connection.ReportUnavailable(command, key, reason);
        return new RedisReply<T>(RedisReplyKind.Unavailable, default, reason);
    }

    private static bool IsUnavailable(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;

    private static string Describe(Exception exception) => exception switch
    {
        RedisConnectionException connectionFailure => $"not connected ({connectionFailure.FailureType})",
        RedisTimeoutException => "timed out in the client",
        RedisServerException server => $"server error {server.Message.Split(' ', 2)[0]}",
        ObjectDisposedException => "connection disposed",
        _ => exception.GetType().Name,
    };

    /// <summary>A command given up on still completes later (often with a timeout): observe it, nobody else will.</summary>
    private static void Observe(Task? pending) =>
        pending?.ContinueWith(static task => _ = task.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
