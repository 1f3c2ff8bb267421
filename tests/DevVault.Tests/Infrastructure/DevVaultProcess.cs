using System.Collections.Concurrent;
using System.Diagnostics;
using ConfigCluster.TestSupport;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>
/// The dev Vault executable (the one ./run.sh starts) as a child process on a free loopback port, configured
/// through its environment variables, so a test can kill -9 it.
/// </summary>
internal sealed class DevVaultProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DevVaultProcess(Process process, int port)
    {
        _process = process;
        Http = new VaultHttp(new Uri($"http://127.0.0.1:{port}"), RunningVault.RootToken);
    }

    public VaultHttp Http { get; }

    /// <summary>Starts it in <paramref name="workingDirectory"/>, keeping its state in <paramref name="storagePath"/> (null: in memory), and waits until it answers.</summary>
    public static async Task<DevVaultProcess> StartAsync(string workingDirectory, string? storagePath)
    {
        int port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConfigCluster.DevVault.dll"));
        start.Environment["VAULT_DEV_LISTEN_ADDRESS"] = $"127.0.0.1:{port}";
        start.Environment["VAULT_DEV_ROOT_TOKEN_ID"] = RunningVault.RootToken;
        if (storagePath is null)
        {
            start.Environment.Remove("VAULT_DEV_STORAGE_PATH");
        }
        else
        {
            start.Environment["VAULT_DEV_STORAGE_PATH"] = storagePath;
        }

        var vault = new DevVaultProcess(Process.Start(start)!, port);
        vault._process.OutputDataReceived += (_, e) => vault.Keep(e.Data);
        vault._process.ErrorDataReceived += (_, e) => vault.Keep(e.Data);
        vault._process.BeginOutputReadLine();
        vault._process.BeginErrorReadLine();
        bool answered = await Eventually.HoldsAsync(async () => vault._process.HasExited || await vault.AnswersAsync(), TimeSpan.FromSeconds(30));
        bool exited = vault._process.HasExited;
        if (!answered || exited)
        {
            vault.Dispose();
            throw new InvalidOperationException($"the dev Vault process did not start (exited: {exited}):\n{string.Join('\n', vault._output)}");
        }

        return vault;
    }

    /// <summary>SIGKILL: no shutdown, no flushing of anything the process still holds.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            return (await Http.GetAsync("/v1/sys/health", token: null)).Status == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
