using System.Net;
using System.Text;
using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// An open-loop run of cached GETs: <c>--rate</c> requests a second, due on a fixed schedule whether or not
/// earlier answers have come, over <c>--connections</c> keep-alive connections (see <see cref="PacedLoop"/>).
/// wrk keeps a fixed number of requests in flight, so its p99 measures the server at saturation; this
/// measures it at a load it can carry. Writes its summary in bench/wrk/bench.lua's shape (<c>--out</c>), so
/// the report reads it as a row, and the answering process's CPU seconds over the measured window
/// (<c>--server-pid</c>, <c>--cpu-out</c>); with <c>--timeline-out</c>, its figures second by second.
/// </summary>
internal static class PacedLoad
{
    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var url = new Uri(options.Text("url"));
        var layout = new BenchLayout(options.Number("configs", 10_000), options.Number("services", 100));
        var rate = options.Number("rate", 20_000);
        var connections = options.Number("connections", 64);
        var requests = PlainGets(layout, url);
        var server = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);

        var clients = Enumerable.Range(0, connections).Select(c => new PacedConnection(server, c)).ToList();
        var schedule = PacedSchedule.From(Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2, rate, connections,
            options.Duration("warmup", TimeSpan.FromSeconds(1)), options.Duration("duration", TimeSpan.FromSeconds(10)));
        var cpu = new ServerCpu(options.Number("server-pid", 0)).OverAsync(schedule.MeasureFrom, schedule.End);
        var tally = new PacedLoop(schedule, clients, requests).Run();
        if (await cpu is { } cpuSeconds && options.Text("cpu-out", "") is { Length: > 0 } cpuOut)
        {
            await File.WriteAllTextAsync(cpuOut, cpuSeconds.ToString("F2", CultureInfo.InvariantCulture) + "\n");
        }

        foreach (var client in clients)
        {
            client.Socket.Dispose();
        }

        if (options.Text("timeline-out", "") is { Length: > 0 } timelineOut)
        {
            await File.WriteAllTextAsync(timelineOut, PacedTimeline.Render(tally, schedule));
        }

        var summary = Summarize(tally, schedule);
        await File.WriteAllTextAsync(options.Text("out"), JsonSerializer.Serialize(summary, BenchJsonContext.Default.WrkSummary) + "\n");
        return 0;
    }

    /// <summary>bench.lua's get-plain requests: a GET of each plain config.</summary>
    private static List<byte[]> PlainGets(BenchLayout layout, Uri url) =>
        Enumerable.Range(0, layout.Configs).Where(i => !BenchLayout.IsEncrypted(i)).Select(i =>
        {
            var address = layout.Address(i);
            return Encoding.ASCII.GetBytes($"GET /api/v1/config/{address.Key}?environment={address.Environment}&service_name={address.ServiceName} HTTP/1.1\r\n" +
                $"Host: {url.Authority}\r\n\r\n");
        }).ToList();

    private static WrkSummary Summarize(PacedTally tally, PacedSchedule schedule)
    {
        var sorted = tally.Latencies.Order().Select(ticks => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3)).ToArray();
        double Percentile(double percent) => sorted.Length == 0 ? 0 : LatencyStats.Percentile(sorted, percent);
        var seconds = schedule.MeasuredSeconds;
        return new WrkSummary("get-plain-paced", sorted.Length, Math.Round(seconds, 3), Math.Round(sorted.Length / seconds, 1),
            Percentile(50), Percentile(90), Percentile(99), Percentile(100),
            new WrkErrors(0, tally.ReadErrors, 0, tally.StatusErrors, 0));
    }
}
