namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// A silo as a separate OS process: the gateway (the built ConfigCluster.Gateway.dll next to the tests)
/// or a worker (ConfigCluster.Silo.dll in its own build output), on loopback ports of its own.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private SiloProcess(ChildProcess process, int httpPort, int siloPort, int gatewayPort)
    {
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(90) };
    }

    public ChildProcess Process { get; }

    /// <summary>REST for the gateway; only health for a worker.</summary>
    public HttpClient Http { get; }

    public int SiloPort { get; }

    /// <summary>The Orleans gateway port for clients; 0 for none.</summary>
    public int GatewayPort { get; }

    /// <summary>Starts the gateway silo and waits until it is ready; <paramref name="args"/> are its settings.</summary>
    public static Task<SiloProcess> StartGatewayAsync(IEnumerable<string> args, bool clientGateway = false) =>
        StartAsync(Path.Combine(AppContext.BaseDirectory, "ConfigCluster.Gateway.dll"), args, clientGateway);

    /// <summary>Starts a worker silo and waits until it is ready.</summary>
    public static Task<SiloProcess> StartWorkerAsync(IEnumerable<string> args, bool clientGateway = false) =>
        StartAsync(ChildProcess.BuiltAssembly("WorkerSiloAssembly"), args, clientGateway);

    private static async Task<SiloProcess> StartAsync(string assembly, IEnumerable<string> args, bool clientGateway)
    {
        var (httpPort, siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next(), clientGateway ? FreePort.Next() : 0);
        // Settings given last win, so the ports here override any in args.
        string[] all = [.. args, $"--urls=http://127.0.0.1:{httpPort}", $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={gatewayPort}"];
        var silo = new SiloProcess(ChildProcess.Start(assembly, all), httpPort, siloPort, gatewayPort);
        await silo.WaitUntilReadyAsync();
        return silo;
    }

    public async Task<bool> IsReadyAsync()
    {
        try
        {
            return (await Http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var ready = await Eventually.HoldsAsync(async () => Process.HasExited || await IsReadyAsync(), StartTimeout);
        var exited = Process.HasExited;
        if (!ready || exited)
        {
            // Read before disposing: a disposed process answers nothing.
            var why = $"the silo process did not become ready (exited: {exited}); last output:\n{Process.Tail()}";
            await DisposeAsync();
            throw new InvalidOperationException(why);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a crashed pod.</summary>
    public void Kill() => Process.Kill();

    /// <summary>SIGSTOP: the silo stops answering but keeps its connections open, like a stalled VM.</summary>
    public void Freeze() => Process.Freeze();

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Process.Thaw();

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Http.Dispose();
    }
}
