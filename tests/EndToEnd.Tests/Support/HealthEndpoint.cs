using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// A real endpoint on loopback that health checks reach: it answers every HTTP request with the status it is told
/// (and a Location when told to redirect), counts the connections it accepts, and can stop listening (then a
/// connection is refused) and start again on the same port.
/// </summary>
public sealed class HealthEndpoint : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private int _connections;

    private HealthEndpoint(int port) => Port = port;

    public int Port { get; }

    /// <summary>The status every request is answered with.</summary>
    public int Status { get; set; } = 200;

    /// <summary>When set, answers carry this Location (give a 3xx status with it).</summary>
    public string? Location { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Each request's path and when it came (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public ConcurrentQueue<(string Path, long At)> Requests { get; } = new();

    public static HealthEndpoint Start()
    {
        var endpoint = new HealthEndpoint(FreePort.Next());
        endpoint.Listen();
        return endpoint;
    }

    public void Listen()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        var listener = _listener;
        _accepting = Task.Run(() => AcceptAsync(listener));
    }

    /// <summary>Stops listening: from now on a connection is refused.</summary>
    public async Task StopListeningAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[4096];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var requestLine = received.ToString().Split("\r\n")[0].Split(' ');
                Requests.Enqueue((requestLine.Length > 1 ? requestLine[1] : "", Stopwatch.GetTimestamp()));
                var location = Location is null ? "" : $"Location: {Location}\r\n";
                var answer = $"HTTP/1.1 {Status} Test\r\n{location}Content-Length: 2\r\nConnection: close\r\n\r\nok";
                await socket.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None, _stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The check went away (timeout) or the endpoint is stopping.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await StopListeningAsync();
        _stop.Dispose();
    }
}
