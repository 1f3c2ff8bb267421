using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

/// <summary>A run's files (wrk's row summaries and the probes' results) collected into the results JSON.</summary>
public sealed class ResultReportTests : IDisposable
{
    private readonly DirectoryInfo _run = Directory.CreateTempSubdirectory("bench-report-");

    [Fact]
    public void TheRegistryRowsGetTheirBaselineAndTheDeathProbeItsFigures()
    {
        var rows = _run.CreateSubdirectory("rows").FullName;
        WriteRow(rows, "registry-healthy-c64-r1", requestsPerSec: 30_000);
        WriteRow(rows, "kestrel-registry-c64-r1", requestsPerSec: 60_000);
        WriteRow(rows, "heartbeat-c64", requestsPerSec: 6_000);
        var death = Path.Combine(_run.FullName, "registry-death.json");
        File.WriteAllText(death, JsonSerializer.Serialize(LatencyStats.From([900, 1100, 1000], missing: 0), BenchJsonContext.Default.LatencyStats));

        var result = Report("--rows", rows, "--registry-death", death, "--connections", "64", "--instances", "10000", "--registry-services", "100");

        var healthy = Assert.Single(result.Load, r => r.Id == "registry-healthy");
        Assert.Equal(("kestrel-registry", 0.5), (healthy.Baseline, healthy.Ratio));
        Assert.Null(Assert.Single(result.Load, r => r.Id == "heartbeat").Baseline);
        Assert.Equal(new LatencyStats(3, 0, 1000, 1100, 1100), result.RegistryDeath);
        Assert.Equal((10_000, 100), (result.Flags.RegistryInstances, result.Flags.RegistryServices));
        Assert.Equal(
            [("healthy-instances query >= 0.5 x bare Kestrel at 64 connections", true), ("heartbeats >= 5,000/s", true),
             ("instance death -> critical in queries <= 2.5 s", true)],
            result.Targets.Select(t => (t.Target, t.Met)));
    }

    [Fact]
    public void ARunWithoutTheDeathProbeHasNoDeathFigureNorTarget()
    {
        var rows = _run.CreateSubdirectory("rows").FullName;

        var result = Report("--rows", rows, "--registry-death", Path.Combine(_run.FullName, "absent.json"));

        Assert.Null(result.RegistryDeath);
        Assert.Null(result.Flags.RegistryInstances);
        Assert.Empty(result.Targets);
    }

    public void Dispose() => _run.Delete(recursive: true);

    private BenchResult Report(params string[] args)
    {
        var outDir = Path.Combine(_run.FullName, "results");
        Assert.Equal(0, ResultReport.Run(CommandLineOptions.Parse([.. args, "--out-dir", outDir])));
        return JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(outDir, "latest.json")), BenchJsonContext.Default.BenchResult)!;
    }

    /// <summary>A row's summary as bench/wrk/bench.lua's done() writes it.</summary>
    private static void WriteRow(string rows, string name, double requestsPerSec) => File.WriteAllText(Path.Combine(rows, name + ".json"),
        $$$"""{"mode":"x","requests":{{{requestsPerSec * 10}}},"duration_s":10.000,"requests_per_sec":{{{requestsPerSec}}},"p50_ms":0.500,"p90_ms":0.900,"p99_ms":2.000,"max_ms":9.000,"errors":{"connect":0,"read":0,"write":0,"status":0,"timeout":0}}""");
}
