using System.Diagnostics;

namespace ConfigCluster.Adapters.Redis.Tests.Support;

public static class Timed
{
    public static async Task<(T Result, TimeSpan Elapsed)> RunAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var result = await call();
        return (result, clock.Elapsed);
    }
}
