using System.Diagnostics;

namespace ConfigCluster.TestSupport;

/// <summary>Waits on a condition by polling it until it holds or a deadline passes: never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The last value read: the first for which <paramref name="done"/> holds, or the one at the deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && clock.Elapsed < within)
        {
            await Task.Delay(PollInterval);
            value = await read();
        }

        return value;
    }

    /// <summary>True once <paramref name="condition"/> holds; false if it still does not at the deadline.</summary>
    public static Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within) =>
        ValueAsync(condition, held => held, within);

    /// <summary>Waits until <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan within, string what)
    {
        if (!await HoldsAsync(() => Task.FromResult(condition()), within))
        {
            throw new TimeoutException($"Timed out after {within} waiting for {what}.");
        }
    }

    /// <summary>The first value for which <paramref name="done"/> holds; a <see cref="TimeoutException"/> otherwise.</summary>
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var value = await ValueAsync(read, done, within);
        return done(value) ? value : throw new TimeoutException($"Timed out after {within} waiting for {what}; last value: {value}.");
    }

    /// <summary>The task's result, or a <see cref="TimeoutException"/> once <paramref name="within"/> passes.</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan within) => task.WaitAsync(within);
}
