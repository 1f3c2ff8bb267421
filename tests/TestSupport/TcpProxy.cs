using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ConfigCluster.TestSupport;

/// <summary>
/// A TCP proxy on loopback in front of a real server, for dependencies that freeze rather than fail: while
/// <see cref="Freeze"/> is in force, connections are accepted and held but no byte moves in the frozen
/// direction(s), as with a stopped process or a stalled network. <see cref="Thaw"/> lets bytes flow again, and
/// closes the connections held meanwhile when asked to, so that nothing sent during the freeze arrives late.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Task _accepting;
    private volatile TaskCompletionSource _toServer = Open();
    private volatile TaskCompletionSource _toClient = Open();

    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stops forwarding: requests (to the server), answers (to the client), or both.</summary>
    public void Freeze(bool requests = true, bool answers = true)
    {
        if (requests && _toServer.Task.IsCompleted)
        {
            _toServer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (answers && _toClient.Task.IsCompleted)
        {
            _toClient = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        foreach (var link in _links.Keys)
        {
            link.HeldThroughFreeze = true;
        }
    }

    /// <summary>Forwards again; with <paramref name="closeHeld"/>, the connections that lived through the freeze are closed.</summary>
    public void Thaw(bool closeHeld = true)
    {
        if (closeHeld)
        {
            foreach (var link in _links.Keys.Where(l => l.HeldThroughFreeze))
            {
                link.Close();
            }
        }

        _toServer.TrySetResult();
        _toClient.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Thaw();
        foreach (var link in _links.Keys)
        {
            link.Close();
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            var link = new Link(client, server) { HeldThroughFreeze = !_toServer.Task.IsCompleted || !_toClient.Task.IsCompleted };
            _links[link] = 0;
            _ = Task.WhenAll(
                    PumpAsync(client.GetStream(), server.GetStream(), () => _toServer.Task),
                    PumpAsync(server.GetStream(), client.GetStream(), () => _toClient.Task))
                .ContinueWith(done => { link.Close(); _links.TryRemove(link, out var unused); }, TaskScheduler.Default);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Func<Task> open)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                await open().WaitAsync(_stop.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Either side went away, or the proxy stops.
        }
    }

    private sealed class Link(TcpClient client, TcpClient server)
    {
        public volatile bool HeldThroughFreeze;

        public void Close()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
