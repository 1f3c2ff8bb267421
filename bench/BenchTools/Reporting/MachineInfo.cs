using System.Runtime.InteropServices;

namespace ConfigCluster.BenchTools.Reporting;

/// <summary>The machine a run measured, read from /proc and /etc/os-release.</summary>
/// <remarks>
/// The load averages (1, 5, 15 min) at the start and the end of the run tell how busy the machine was with
/// other work: on a shared machine they explain absolute numbers; the ratios to baselines measured in the
/// same run are what compare.
/// </remarks>
internal sealed record MachineInfo(
    int Cores, double MemoryGiB, string Cpu, string Os, string Kernel, string Runtime, string LoadAtStart, string LoadAtEnd, string? Note)
{
    public static MachineInfo Read(string loadAtStart, string? note) => new(
        Environment.ProcessorCount,
        Math.Round(MemTotalKiB() / 1024.0 / 1024.0, 1),
        Field("/proc/cpuinfo", "model name", ':') ?? "unknown",
        Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "unknown",
        RuntimeInformation.FrameworkDescription,
        loadAtStart,
        LoadAverage(),
        note);

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() =>
        $"{Cores} cores, {MemoryGiB} GiB, {Cpu}, {Os} (kernel {Kernel}), {Runtime}; load average {LoadAtStart} at start, {LoadAtEnd} at end";

    private static long MemTotalKiB() =>
        long.TryParse(Field("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0], out var kib) ? kib : 0;

    private static string? Field(string path, string name, char separator) =>
        !File.Exists(path)
            ? null
            : File.ReadLines(path)
                .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(separator))
                .Select(line => line[(line.IndexOf(separator) + 1)..].Trim())
                .FirstOrDefault();
}
