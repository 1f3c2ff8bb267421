using System.Text.Json;

namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// Collects a run: wrk's row summaries (<c>--rows DIR</c>), the latency probe's result (<c>--latency FILE</c>)
/// and the machine; prints the table and writes it to <c>--out-dir</c> as <c>{UTC timestamp}.json</c> and
/// <c>latest.json</c>.
/// </summary>
internal static class ResultReport
{
    public static int Run(CommandLineOptions options)
    {
        var connections = options.Text("connections", "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var flags = new RunFlags(options.Number("configs", 10_000), options.Number("services", 100), options.Text("duration", "10s"),
            connections, options.Number("wrk-threads", 2), options.Number("writes", 500));
        var summaries = ReadSummaries(options.Text("rows"));
        var load = LoadRows(summaries, connections);
        var latency = ReadLatency(options.Text("latency", ""));
        var now = DateTime.UtcNow;
        var result = new BenchResult(now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), options.Text("commit", "unknown"),
            MachineInfo.Read(options.Text("load-at-start", "unknown"), options.Text("note", "") is { Length: > 0 } note ? note : null), flags, load, latency,
            TargetChecks.Evaluate(load, latency, connections.Max()));

        Console.Write(ResultTable.Render(result));
        var outDir = options.Text("out-dir");
        Directory.CreateDirectory(outDir);
        var json = JsonSerializer.Serialize(result, BenchJsonContext.Default.BenchResult) + "\n";
        var file = Path.Combine(outDir, now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(file, json);
        File.WriteAllText(Path.Combine(outDir, "latest.json"), json);
        Console.WriteLine($"written: {file} and latest.json");
        return 0;
    }

    private static Dictionary<(string Id, int Connections), WrkSummary> ReadSummaries(string directory)
    {
        var summaries = new Dictionary<(string, int), WrkSummary>();
        foreach (var row in RowCatalog.Rows)
        {
            foreach (var file in Directory.GetFiles(directory, $"{row.Id}-c*.json"))
            {
                var connections = int.Parse(Path.GetFileNameWithoutExtension(file)[(row.Id.Length + 2)..], CultureInfo.InvariantCulture);
                summaries[(row.Id, connections)] = JsonSerializer.Deserialize(File.ReadAllText(file), BenchJsonContext.Default.WrkSummary)!;
            }
        }

        return summaries;
    }

    private static List<LoadRow> LoadRows(Dictionary<(string Id, int Connections), WrkSummary> summaries, List<int> connections)
    {
        var rows = new List<LoadRow>();
        foreach (var row in RowCatalog.Rows)
        {
            foreach (var count in connections)
            {
                if (!summaries.TryGetValue((row.Id, count), out var wrk))
                {
                    continue;
                }

                double? ratio = row.BaselineId is { } baseline && summaries.TryGetValue((baseline, count), out var b) && b.RequestsPerSec > 0
                    ? Math.Round(wrk.RequestsPerSec / b.RequestsPerSec, 3)
                    : null;
                rows.Add(new LoadRow(row.Id, row.Title, row.What, count, Math.Round(wrk.RequestsPerSec, 1), wrk.P50Ms, wrk.P99Ms,
                    wrk.Errors.Total, row.BaselineId, ratio));
            }
        }

        return rows;
    }

    private static LatencyResult? ReadLatency(string file) =>
        file.Length > 0 && File.Exists(file)
            ? JsonSerializer.Deserialize(File.ReadAllText(file), BenchJsonContext.Default.LatencyResult)
            : null;
}
