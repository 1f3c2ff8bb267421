namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// When each request of an open-loop run is due, in <see cref="Stopwatch"/> ticks: request <c>n</c> at
/// <c>start + n / rate</c>, taken by connection <c>n % connections</c>. Requests due before
/// <see cref="MeasureFrom"/> warm up the client and are not counted; none is sent from <see cref="End"/>.
/// </summary>
internal sealed record PacedSchedule(long Start, double TicksPerRequest, int Connections, long MeasureFrom, long End)
{
    public static PacedSchedule From(long start, int rate, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new(start, (double)Stopwatch.Frequency / rate, connections, measureFrom, measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>When the <paramref name="k"/>-th request of connection <paramref name="connection"/> is due.</summary>
    public long Due(int connection, long k) => Start + (long)(((k * Connections) + connection) * TicksPerRequest);

    public double MeasuredSeconds => (double)(End - MeasureFrom) / Stopwatch.Frequency;
}
