using System.Diagnostics;

namespace ConfigCluster.Adapters.Redis.Tests.Support;

/// <summary>Waits on a condition, polling it, until it holds or a deadline passes: no fixed sleeps in tests.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(PollInterval);
        }

        return true;
    }
}
