using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConfigCluster.BenchTools.Registry;

/// <summary>
/// The death probe's instance: a real HTTP endpoint on a free loopback port that answers every request
/// <c>200 OK</c>, until <see cref="StopAsync"/> stops it listening: from then on a connection is refused, as it is
/// to a process that died.
/// </summary>
internal sealed class DeathEndpoint : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private DeathEndpoint(TcpListener listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The port it listens on; still the same once stopped, so that a check can go on trying it.</summary>
    public int Port { get; }

    /// <summary>Listens on a port the system picks, so that trials and other processes never share one.</summary>
    public static DeathEndpoint Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new DeathEndpoint(listener);
    }

    /// <summary>
    /// Stops listening and drops the connections it holds, as a process that died does; returns once no new connection
    /// can be accepted.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    /// <summary>Reads the request's header (a check sends no body), answers, and closes the connection.</summary>
    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[8192];
                var received = 0;
                while (buffer.AsSpan(0, received).IndexOf("\r\n\r\n"u8) < 0 && received < buffer.Length)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received += read;
                }

                await socket.SendAsync(Answer, SocketFlags.None, _stopping.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The check gave up (its timeout) or the endpoint is going away: nothing to answer.
            }
        }
    }
}
