namespace ConfigCluster.BenchTools.Seeding;

/// <summary>
/// Sends a seed's creates through the REST API, a fixed number at a time on one connection pool, and says how many
/// went through and how fast. Each create reports its own failure (status and name); any failure fails the seed.
/// </summary>
internal static class ConcurrentSeed
{
    /// <summary>Runs <paramref name="create"/> for 0 to <paramref name="count"/> - 1; 0 when every one succeeded, else 1.</summary>
    public static async Task<int> RunAsync(
        string url, int count, int concurrency, string what, Func<HttpClient, int, CancellationToken, Task<bool>> create)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(url) };
        var started = Stopwatch.GetTimestamp();
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, cancellationToken) =>
            {
                if (!await create(http, i, cancellationToken))
                {
                    Interlocked.Increment(ref failed);
                }
            });

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"seeded {count - failed} of {count} {what} in {seconds:F1} s ({count / seconds:F0} creates/s, {concurrency} at a time)");
        return failed == 0 ? 0 : 1;
    }
}
