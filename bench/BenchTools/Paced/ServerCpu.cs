namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// The CPU time (user + system) of the process that answers, from <c>/proc/PID/stat</c> as bench/run.sh reads
/// it, taken over the measured window only: the warm-up's requests are not counted, so neither is their CPU.
/// </summary>
internal sealed class ServerCpu(int pid)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on Linux, as getconf CLK_TCK gives it

    /// <summary>CPU seconds spent between two <see cref="Stopwatch"/> times; null without a readable process.</summary>
    public async Task<double?> OverAsync(long from, long to)
    {
        await DelayUntilAsync(from);
        var before = Read();
        await DelayUntilAsync(to);
        var after = Read();
        return before is { } b && after is { } a ? (a - b) / TicksPerSecond : null;
    }

    private static Task DelayUntilAsync(long timestamp) =>
        Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp) is { Ticks: > 0 } wait
            ? Task.Delay(wait)
            : Task.CompletedTask;

    /// <summary>utime + stime, fields 14 and 15 of the stat line (counted from after the command's closing parenthesis).</summary>
    private long? Read()
    {
        var path = $"/proc/{pid}/stat";
        if (pid <= 0 || !File.Exists(path))
        {
            return null;
        }

        var line = File.ReadAllText(path);
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
