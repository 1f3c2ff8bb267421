using System.Text.Json;

namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// Collects a run: wrk's row summaries (<c>--rows DIR</c>), the probes' results (<c>--latency FILE</c>,
/// <c>--flag-latency FILE</c>, <c>--registry-death FILE</c>) and the machine; prints the table and writes it to
/// <c>--out-dir</c> as <c>{UTC timestamp}.json</c> and <c>latest.json</c>.
/// </summary>
internal static class ResultReport
{
    public static int Run(CommandLineOptions options)
    {
        var connections = options.Text("connections", "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var flags = new RunFlags(options.Number("configs", 10_000), options.Number("services", 100), options.Text("duration", "10s"),
            connections, options.Number("rounds", 1), options.Number("wrk-threads", 2), options.Number("writes", 500),
            options.Text("prime", "") is { Length: > 0 } prime ? prime : null,
            options.Number("paced-rate", 0) is > 0 and var pacedRate ? pacedRate : null,
            options.Number("instances", 0) is > 0 and var instances ? instances : null,
            options.Number("registry-services", 0) is > 0 and var registryServices ? registryServices : null);
        var summaries = ReadSummaries(options.Text("rows"));
        var load = LoadRows(summaries, connections);
        var latency = ReadLatency(options.Text("latency", ""));
        var flagLatency = ReadLatencyStats(options.Text("flag-latency", ""));
        var registryDeath = ReadLatencyStats(options.Text("registry-death", ""));
        var now = DateTime.UtcNow;
        var result = new BenchResult(now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), options.Text("commit", "unknown"),
            MachineInfo.Read(options.Text("load-at-start", "unknown"), options.Text("note", "") is { Length: > 0 } note ? note : null), flags, load, latency,
            TargetChecks.Evaluate(load, latency, connections.Max(), flags.PacedRate, flagLatency, registryDeath), flagLatency, registryDeath);

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

    /// <summary>
    /// wrk's summaries by row and connection count, each a list by round: <c>{id}-c{connections}.json</c>
    /// is a row run once (round 1), <c>{id}-c{connections}-r{round}.json</c> one round of a read row.
    /// </summary>
    private static Dictionary<(string Id, int Connections), SortedList<int, WrkSummary>> ReadSummaries(string directory)
    {
        var summaries = new Dictionary<(string, int), SortedList<int, WrkSummary>>();
        foreach (var row in RowCatalog.Rows)
        {
            foreach (var file in Directory.GetFiles(directory, $"{row.Id}-c*.json"))
            {
                var name = Path.GetFileNameWithoutExtension(file)[(row.Id.Length + 2)..].Split("-r");
                var connections = int.Parse(name[0], CultureInfo.InvariantCulture);
                var round = name.Length > 1 ? int.Parse(name[1], CultureInfo.InvariantCulture) : 1;
                var rounds = summaries.TryGetValue((row.Id, connections), out var found) ? found : summaries[(row.Id, connections)] = [];
                rounds[round] = JsonSerializer.Deserialize(File.ReadAllText(file), BenchJsonContext.Default.WrkSummary)! with
                {
                    ServerCpuS = ReadCpu(Path.ChangeExtension(file, ".cpu")),
                };
            }
        }

        return summaries;
    }

    private static List<LoadRow> LoadRows(Dictionary<(string Id, int Connections), SortedList<int, WrkSummary>> summaries, List<int> connections)
    {
        var rows = new List<LoadRow>();
        foreach (var row in RowCatalog.Rows)
        {
            foreach (var count in connections)
            {
                if (!summaries.TryGetValue((row.Id, count), out var runs))
                {
                    continue;
                }

                var baseline = row.BaselineId is { } baselineId && summaries.TryGetValue((baselineId, count), out var b) ? b : null;
                var rounds = runs.Select(run => RoundOf(run.Key, run.Value, baseline?.GetValueOrDefault(run.Key))).ToList();
                rows.Add(new LoadRow(row.Id, row.Title, row.What, count,
                    Math.Round(Median.Of(rounds.Select(r => r.RequestsPerSec)), 1),
                    Math.Round(Median.Of(rounds.Select(r => r.P50Ms)), 3),
                    Math.Round(Median.Of(rounds.Select(r => r.P99Ms)), 3),
                    rounds.Sum(r => r.Errors),
                    MedianOrNull(rounds.Select(r => r.CpuUsPerRequest), 1),
                    row.BaselineId,
                    MedianOrNull(rounds.Select(r => r.Ratio), 3),
                    MedianOrNull(rounds.Select(r => r.CpuRatio), 2),
                    rounds.Count > 1 ? rounds : null));
            }
        }

        return rows;
    }

    private static RoundResult RoundOf(int round, WrkSummary run, WrkSummary? baseline) => new(
        round, Math.Round(run.RequestsPerSec, 1), run.P50Ms, run.P99Ms, run.Errors.Total, run.CpuUsPerRequest,
        baseline is { RequestsPerSec: > 0 } ? Math.Round(run.RequestsPerSec / baseline.RequestsPerSec, 3) : null,
        run.CpuUsPerRequest is { } cpu && baseline?.CpuUsPerRequest is { } baseCpu and > 0 ? Math.Round(cpu / baseCpu, 2) : null);

    private static double? MedianOrNull(IEnumerable<double?> values, int digits)
    {
        var known = values.OfType<double>().ToList();
        return known.Count > 0 ? Math.Round(Median.Of(known), digits) : null;
    }

    /// <summary>bench/run.sh's note of the CPU seconds the answering process spent during a wrk run.</summary>
    private static double? ReadCpu(string file) =>
        File.Exists(file) && double.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;

    /// <summary>A probe's latencies (flag changes, registry deaths); null without the file.</summary>
    private static LatencyStats? ReadLatencyStats(string file) =>
        file.Length > 0 && File.Exists(file)
            ? JsonSerializer.Deserialize(File.ReadAllText(file), BenchJsonContext.Default.LatencyStats)
            : null;

    private static LatencyResult? ReadLatency(string file) =>
        file.Length > 0 && File.Exists(file)
            ? JsonSerializer.Deserialize(File.ReadAllText(file), BenchJsonContext.Default.LatencyResult)
            : null;
}
