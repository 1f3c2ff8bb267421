using System.Net;
using System.Net.Sockets;

namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// One keep-alive connection of an open-loop run, one request at a time: what it has sent and when, and
/// the bytes of the answer read so far. <see cref="PacedLoop"/> drives it.
/// </summary>
internal sealed class PacedConnection(EndPoint server, int index)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _filled;

    public int Index => index;

    public Socket Socket { get; private set; } = Connect(server);

    /// <summary>The next request of this connection's share of the schedule.</summary>
    public long NextK { get; set; }

    public bool Busy { get; private set; }

    /// <summary>When the request in flight was due and when it went out.</summary>
    public long Due { get; private set; }

    public long Sent { get; private set; }

    /// <summary>When the last answer came in (0 before the first).</summary>
    public long Answered { get; set; }

    public void Send(byte[] request, long due, long now)
    {
        Socket.Send(request);
        Due = due;
        Sent = now;
        Busy = true;
        _filled = 0;
    }

    /// <summary>
    /// Reads what has arrived. The answer's status once it is whole, null while it is not, 0 when the
    /// connection failed (it is then connected again).
    /// </summary>
    public int? Receive()
    {
        try
        {
            var read = Socket.Receive(_buffer, _filled, _buffer.Length - _filled, SocketFlags.None);
            if (read > 0)
            {
                _filled += read;
                if (!HttpResponseFraming.TryMeasure(_buffer.AsSpan(0, _filled), out var length, out var status))
                {
                    return null;
                }

                if (length >= 0 && length <= _buffer.Length)
                {
                    return _filled >= length ? Done(status) : null;
                }
            }
        }
        catch (SocketException)
        {
        }

        Socket.Dispose();
        Socket = Connect(server);
        return Done(0);
    }

    private int Done(int status)
    {
        Busy = false;
        return status;
    }

    private static Socket Connect(EndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(server);
        return socket;
    }
}
