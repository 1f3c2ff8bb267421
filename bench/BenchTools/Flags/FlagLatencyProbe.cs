using System.Globalization;
using System.Text;
using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Flags;

/// <summary>
/// Changes one flag through one gateway (<c>--url</c>) and times, from each change's acknowledgement, until every
/// other gateway (<c>--observers</c>, comma-separated base URLs) evaluates the new version over OFREP: the time a
/// change takes to reach the silos that did not make it (a change notification, then one read of the flag).
/// </summary>
internal static class FlagLatencyProbe
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var changes = options.Number("changes", 200);
        var interval = options.Duration("interval", TimeSpan.FromMilliseconds(20));
        using var writer = new HttpClient { BaseAddress = new Uri(options.Text("url")) };
        var observers = options.Text("observers").Split(',').Select(url => new HttpClient { BaseAddress = new Uri(url) }).ToList();
        var latencies = new List<double>(changes * observers.Count);
        var missing = 0;
        for (var change = 1; change <= changes; change++)
        {
            var (version, acked) = await ChangeAsync(writer, change);
            var waits = observers.Select(observer => UntilEvaluatedAsync(observer, version, acked)).ToList();
            foreach (var seen in await Task.WhenAll(waits))
            {
                if (seen is { } ms)
                {
                    latencies.Add(ms);
                }
                else
                {
                    missing++;
                }
            }

            await Task.Delay(interval);
        }

        observers.ForEach(o => o.Dispose());
        var stats = LatencyStats.From(latencies, missing);
        await File.WriteAllTextAsync(options.Text("out"), JsonSerializer.Serialize(stats, BenchJsonContext.Default.LatencyStats));
        Console.WriteLine($"flag latency: {changes} changes to {observers.Count} other gateway(s); p50 {stats.P50Ms:F1} ms p99 {stats.P99Ms:F1} ms, {missing} missing");
        return 0;
    }

    private static async Task<(long Version, long Acked)> ChangeAsync(HttpClient http, int change)
    {
        var patch = new StringContent(
            string.Create(CultureInfo.InvariantCulture, $$"""{"rollout_percentage": {{change % 100}}.5}"""), Encoding.UTF8, "application/merge-patch+json");
        using var response = await http.PatchAsync($"/api/v1/flags/{BenchFlags.Dial}?environment={BenchLayout.Environment}", patch);
        var acked = Stopwatch.GetTimestamp();
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return (body.RootElement.GetProperty("version").GetInt64(), acked);
    }

    /// <summary>Milliseconds from <paramref name="acked"/> until the observer evaluates <paramref name="version"/>; null if it never does.</summary>
    private static async Task<double?> UntilEvaluatedAsync(HttpClient observer, long version, long acked)
    {
        var deadline = acked + (long)(GiveUp.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/ofrep/v1/evaluate/flags/{BenchFlags.Dial}")
            {
                Content = new StringContent("""{"context": {"targetingKey": "probe"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Environment", BenchLayout.Environment);
            using var response = await observer.SendAsync(request);
            var seenAt = Stopwatch.GetTimestamp();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (body.RootElement.TryGetProperty("metadata", out var metadata) && metadata.GetProperty("version").GetInt64() >= version)
            {
                return Stopwatch.GetElapsedTime(acked, seenAt).TotalMilliseconds;
            }
        }

        return null;
    }
}
