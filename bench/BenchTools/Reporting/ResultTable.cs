using System.Text;

namespace ConfigCluster.BenchTools.Reporting;

/// <summary>The printed table of a run: load rows with their baselines, the probes' latencies, targets.</summary>
internal static class ResultTable
{
    public static string Render(BenchResult result)
    {
        var text = new StringBuilder();
        var flags = result.Flags;
        var registry = flags.RegistryInstances is { } instances ? Invariant($", {instances} registry instances in {flags.RegistryServices} services") : "";
        text.AppendLine(Invariant($"ConfigCluster benchmark {result.Timestamp}, commit {result.Commit}: {flags.Configs} configs in {flags.Services} services (half encrypted){registry}, {flags.Duration} per row, wrk -t{flags.WrkThreads}"));
        if (flags.Rounds > 1)
        {
            text.AppendLine(Invariant($"read rows: the median of {flags.Rounds} interleaved rounds (each next to its baseline); ratio range: lowest and highest round"));
        }

        if (flags.Prime is { } prime)
        {
            text.AppendLine(Invariant($"each read row right after a discarded {prime} of its own requests: its cached configs are fresh, not expired while other rows ran"));
        }

        if (flags.PacedRate is { } rate)
        {
            text.AppendLine(Invariant($"paced rows: open loop, {rate:N0} requests/s due on a fixed schedule over {flags.Connections.Max()} connections; a request held behind a late answer counts from when it was due"));
        }

        text.AppendLine("cpu us: CPU of the answering process (gateway, bare Kestrel or dev Vault) per request; cpu x: that over its baseline's");
        text.AppendLine($"machine: {result.Machine}{(result.Machine.Note is { } note ? $" ({note})" : "")}");
        text.AppendLine();
        text.AppendLine(Invariant($"{"row",-22} {"conns",5} {"req/s",9} {"p50 ms",7} {"p99 ms",7} {"errors",6} {"cpu us",6}  {"ratio",5} {"range",-9} {"cpu x",5}  baseline"));
        foreach (var row in result.Load)
        {
            var ratio = row.Ratio is { } r ? Invariant($"{r,5:F2}") : "    -";
            var ratios = row.Rounds?.Where(round => round.Ratio is not null).Select(round => round.Ratio!.Value).ToList();
            var range = ratios is { Count: > 1 } ? Invariant($"{ratios.Min():F2}-{ratios.Max():F2}") : "";
            var baseline = row.Baseline is { } id ? RowCatalog.Get(id).Title : "";
            var cpu = row.CpuUsPerRequest is { } us ? Invariant($"{us,6:F1}") : "     -";
            var cpuRatio = row.CpuRatio is { } x ? Invariant($"{x,5:F2}") : "    -";
            text.AppendLine(Invariant($"{row.Title,-22} {row.Connections,5} {row.RequestsPerSec,9:N0} {row.P50Ms,7:F2} {row.P99Ms,7:F2} {row.Errors,6} {cpu}  {ratio} {range,-9} {cpuRatio}  {baseline}"));
        }

        AppendLatencies(text, result);
        text.AppendLine();
        text.AppendLine("targets (reported, not asserted):");
        foreach (var check in result.Targets)
        {
            text.AppendLine($"  {check.Target,-66} {check.Measured,-28} {(check.Met ? "met" : "NOT met")}");
        }

        return text.ToString();
    }

    /// <summary>The probes' latencies, each a line under one header; no header when the run had none of them.</summary>
    private static void AppendLatencies(StringBuilder text, BenchResult result)
    {
        if (result.Latency is null && result.FlagLatency is null && result.RegistryDeath is null)
        {
            return;
        }

        var latency = result.Latency;
        var title = latency is null ? "latency" : Invariant($"write latency ({latency.Writes} writes, {latency.IntervalMs:F0} ms apart)");
        text.AppendLine();
        text.AppendLine(Invariant($"{title,-38} {"p50 ms",7} {"p99 ms",7} {"max ms",7} {"missing",7}"));
        if (latency is not null)
        {
            AppendLatency(text, "PUT (send -> ack)", latency.Write);
            AppendLatency(text, "ack -> in-cluster observer", latency.Observer);
            AppendLatency(text, "ack -> Kafka consumer", latency.Kafka);
        }

        AppendLatency(text, "flag change ack -> other gateway", result.FlagLatency);
        AppendLatency(text, "instance death -> critical in queries", result.RegistryDeath);
    }

    /// <summary>A probe's line under the latency header; nothing when the run did not have that probe.</summary>
    private static void AppendLatency(StringBuilder text, string title, LatencyStats? stats)
    {
        if (stats is not null)
        {
            text.AppendLine(Invariant($"{title,-38} {stats.P50Ms,7:F1} {stats.P99Ms,7:F1} {stats.MaxMs,7:F1} {stats.Missing,7}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
