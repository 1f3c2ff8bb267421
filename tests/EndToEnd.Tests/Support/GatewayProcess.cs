using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The gateway silo as a separate OS process (the built ConfigCluster.Gateway.dll), so a test can kill -9 it.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public static async Task<GatewayProcess> StartAsync(IEnumerable<string> args)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConfigCluster.Gateway.dll"));
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the gateway process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await gateway.WaitUntilReadyAsync();
        return gateway;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a crashed pod.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitUntilReadyAsync()
    {
        var ready = await Eventually.HoldsAsync(async () => _process.HasExited || await IsReadyAsync(), TimeSpan.FromSeconds(60));
        if (!ready || _process.HasExited)
        {
            throw new InvalidOperationException($"the gateway process did not become ready (exited: {_process.HasExited})");
        }
    }

    private async Task<bool> IsReadyAsync()
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

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
