namespace ConfigCluster.Grains.Tests.Support;

/// <summary>Awaits a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T?> ValueAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var value = await probe();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await probe();
        }

        return value;
    }
}
