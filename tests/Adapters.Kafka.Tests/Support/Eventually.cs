namespace ConfigCluster.Adapters.Kafka.Tests.Support;

/// <summary>Waits on a condition with a deadline (polling, never a fixed sleep).</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static async Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The task's result, or a <see cref="TimeoutException"/> once <paramref name="timeout"/> passes.</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan timeout) => task.WaitAsync(timeout);
}
