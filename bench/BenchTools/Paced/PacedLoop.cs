using System.Net.Sockets;

namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// What the run measured: latencies in <see cref="Stopwatch"/> ticks with when each request was due (same
/// order), answers of 400 and above, failed connections.
/// </summary>
internal sealed record PacedTally(long[] Latencies, long[] DueAt, long StatusErrors, long ReadErrors);

/// <summary>
/// The open-loop client, one thread like a wrk thread: sends each request of the schedule when it falls due
/// on a connection that is free, and reads answers as they come (poll over the busy connections, waking for
/// the next due request to the millisecond). A request due while its connection still waits for the answer
/// before it goes out as soon as that answer is in, and its latency counts from when it was due: the server
/// held it up (coordinated omission corrected, as wrk2 does). Otherwise it counts from its send, so this
/// process's own lateness in waking is not charged to the server.
/// </summary>
internal sealed class PacedLoop(PacedSchedule schedule, IReadOnlyList<PacedConnection> connections, IReadOnlyList<byte[]> requests)
{
    public PacedTally Run()
    {
        var expected = (int)(schedule.MeasuredSeconds * Stopwatch.Frequency / schedule.TicksPerRequest) + 16;
        var latencies = new List<long>(expected);
        var dueAt = new List<long>(expected);
        long statusErrors = 0, readErrors = 0;
        var random = new Random(1);
        var readable = new List<Socket>(connections.Count);
        var bySocket = new Dictionary<Socket, PacedConnection>(connections.Count, ReferenceEqualityComparer.Instance);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var nextDue = long.MaxValue;
            readable.Clear();
            bySocket.Clear();
            foreach (var connection in connections)
            {
                var due = schedule.Due(connection.Index, connection.NextK);
                if (!connection.Busy && due < schedule.End && due <= now)
                {
                    connection.Send(requests[random.Next(requests.Count)], due, now);
                    connection.NextK++;
                }

                if (connection.Busy)
                {
                    readable.Add(connection.Socket);
                    bySocket[connection.Socket] = connection;
                }
                else if (schedule.Due(connection.Index, connection.NextK) is var next && next < schedule.End)
                {
                    nextDue = Math.Min(nextDue, next);
                }
            }

            if (readable.Count == 0 && nextDue == long.MaxValue)
            {
                break;
            }

            Wait(readable, nextDue, now);
            var answered = Stopwatch.GetTimestamp();
            foreach (var socket in readable)
            {
                var connection = bySocket[socket];
                if (connection.Receive() is not { } status)
                {
                    continue;
                }

                var start = connection.Answered > connection.Due ? connection.Due : connection.Sent;
                connection.Answered = answered;
                if (connection.Due < schedule.MeasureFrom)
                {
                    continue;
                }

                if (status == 0)
                {
                    readErrors++;
                    continue;
                }

                latencies.Add(answered - start);
                dueAt.Add(connection.Due);
                statusErrors += status >= 400 ? 1 : 0;
            }
        }

        return new PacedTally([.. latencies], [.. dueAt], statusErrors, readErrors);
    }

    /// <summary>
    /// Until an answer arrives or the next request falls due. The poll's timeout is whole milliseconds, so a
    /// wait is rounded up to one: rounding down would spin.
    /// </summary>
    private static void Wait(List<Socket> readable, long nextDue, long now)
    {
        var microseconds = nextDue == long.MaxValue
            ? 100_000
            : (int)Math.Min(100_000, Math.Ceiling(Math.Max(0, nextDue - now) * 1e3 / Stopwatch.Frequency) * 1000);
        if (readable.Count == 0)
        {
            Thread.Sleep(microseconds / 1000);
            return;
        }

        Socket.Select(readable, null, null, microseconds);
    }
}
