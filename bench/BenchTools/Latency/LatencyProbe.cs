using System.Net.Http.Json;
using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Latency;

/// <summary>
/// Writes the configs of one service one at a time through the REST API and times, from each write's
/// acknowledgement (the PUT's response, client side), until an in-cluster observer and a Kafka consumer
/// in this process hear of that version. All times come from this process's monotonic clock.
/// </summary>
internal static class LatencyProbe
{
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var layout = new BenchLayout(options.Number("configs", 10_000), options.Number("services", 100));
        var writes = options.Number("writes", 500);
        var interval = options.Duration("interval", TimeSpan.FromMilliseconds(10));
        var service = BenchLayout.ServiceName(0);
        var keys = layout.OfService(0).Select(i => layout.Address(i).Key).ToList();

        using var http = new HttpClient { BaseAddress = new Uri(options.Text("url")) };
        var observed = new ArrivalLog();
        var consumed = new ArrivalLog();
        await using var observer = await ObserverTap.StartAsync(options.Number("orleans-gateway-port", 30000), BenchLayout.Environment, service, observed);
        using var kafka = KafkaTap.Start(options.Text("kafka"), options.Text("topic", "config-events"), $"{BenchLayout.Environment}/{service}/", consumed);
        if (!await WarmUpAsync(http, service, keys[0], observed, consumed))
        {
            Console.Error.WriteLine("latency: the observer or the Kafka consumer heard nothing within 60 s");
            return 1;
        }

        var acks = new List<Ack>(writes);
        for (var w = 0; w < writes; w++)
        {
            acks.Add(await PutAsync(http, service, keys[w % keys.Count], $"latency-{w}"));
            await Task.Delay(interval);
        }

        await WaitForAsync(() => acks.All(a => observed.Has(a.Key, a.Version) && consumed.Has(a.Key, a.Version)), Straggle);
        var result = new LatencyResult(writes, interval.TotalMilliseconds,
            LatencyStats.From(acks.Select(a => Ms(a.Sent, a.Acked)), 0),
            Heard(acks, observed),
            Heard(acks, consumed));
        await File.WriteAllTextAsync(options.Text("out"), JsonSerializer.Serialize(result, BenchJsonContext.Default.LatencyResult));
        Console.WriteLine($"latency: {writes} writes; observer p50 {result.Observer.P50Ms:F1} ms p99 {result.Observer.P99Ms:F1} ms; " +
            $"kafka p50 {result.Kafka.P50Ms:F1} ms p99 {result.Kafka.P99Ms:F1} ms");
        return 0;
    }

    /// <summary>Writes one key until both listeners hear of it: the watch is live and the relay has caught up.</summary>
    private static async Task<bool> WarmUpAsync(HttpClient http, string service, string key, ArrivalLog observed, ArrivalLog consumed)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        for (var attempt = 0; Stopwatch.GetTimestamp() < deadline; attempt++)
        {
            var ack = await PutAsync(http, service, key, $"warm-up-{attempt}");
            if (await WaitForAsync(() => observed.Has(key, ack.Version) && consumed.Has(key, ack.Version), TimeSpan.FromSeconds(2)))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Ack> PutAsync(HttpClient http, string service, string key, string value)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.PutAsJsonAsync(
            $"/api/v1/config/{key}?environment={BenchLayout.Environment}&service_name={service}",
            new PutBody(value), BenchJsonContext.Default.PutBody);
        var acked = Stopwatch.GetTimestamp();
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return new Ack(key, body.RootElement.GetProperty("version").GetInt64(), sent, acked);
    }

    private static LatencyStats Heard(List<Ack> acks, ArrivalLog log)
    {
        var heard = acks.Where(a => log.Has(a.Key, a.Version)).ToList();
        return LatencyStats.From(heard.Select(a => log.TryGet(a.Key, a.Version, out var at) ? Ms(a.Acked, at) : 0), acks.Count - heard.Count);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private sealed record Ack(string Key, long Version, long Sent, long Acked);
}
