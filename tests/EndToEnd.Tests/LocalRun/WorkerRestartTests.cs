using System.Diagnostics;
using ConfigCluster.Grains.Interfaces.Config;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// ./run.sh --workers 2: a worker silo killed with kill -9 is reported and started again, and the gateway
/// keeps serving. Until Orleans declares the killed silo dead, a read of a config whose grain it hosted
/// fails (docs/consistency.md); the probe reads the configs hosted by the other silos, and afterwards every
/// config must read again.
/// </summary>
[Collection(Cluster.SiloProcessesCollection.Name)]
public sealed class WorkerRestartTests(ITestOutputHelper output)
{
    private const string Env = "localrun";
    private const string Svc = "svc";
    private const int Configs = 20;
    private const int SigIntExit = 130;

    [Fact]
    public async Task AKilledWorkerSiloIsReportedAndStartedAgainWhileTheGatewayKeepsAnswering()
    {
        await using var run = LocalRunScript.Create();
        await run.StartAsync("--workers", "2");
        ConfigAddress[] configs = await CreateConfigsAsync(run);
        var probe = new GatewayProbe(run.Gateway, await ConfigsNotHostedByAsync(run, configs, run.Ports.Silo + 1));
        probe.Start();
        int killed = WorkerPid(run, worker: 1);
        int requestsAtKill = probe.Requests;
        using (var victim = Process.GetProcessById(killed))
        {
            victim.Kill();
        }

        var reported = await run.Console.WaitForLineAsync(line => line.StartsWith("worker silo 1 exited", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var restarted = await run.Console.WaitForLineAsync(line => line.StartsWith("worker silo 1 started again", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await WorkerIsReadyAsync(run, worker: 1);
        long readyAt = Stopwatch.GetTimestamp();
        int requestsWhenReady = probe.Requests;
        await Eventually.HoldsAsync(() => probe.Requests >= requestsWhenReady + 20, TimeSpan.FromSeconds(30), "20 more requests with the worker back");
        await probe.StopAsync();
        bool everyConfigReads = await Eventually.HoldsAsync(() => AllReadAsync(run, configs), TimeSpan.FromSeconds(60));
        string log = await File.ReadAllTextAsync(run.LogPath("silo-1.log"));
        int stopped = await run.InterruptAsync();

        output.WriteLine($"worker 1 ready again {Stopwatch.GetElapsedTime(reported.ReceivedAt, readyAt).TotalSeconds:F1} s after its exit was reported; "
            + $"{requestsWhenReady - requestsAtKill} requests meanwhile, {probe.Requests} in all");
        Assert.Equal($"worker silo 1 exited with status 137 (SIGKILL) (log: {run.LogPath("silo-1.log")}); starting it again in 1 s", reported.Text);
        Assert.Equal($"worker silo 1 started again (pid {WorkerPidFrom(restarted.Text)})", restarted.Text);
        Assert.NotEqual(killed, WorkerPidFrom(restarted.Text));
        Assert.True(probe.Failures.Count == 0, $"the gateway failed {probe.Failures.Count} of {probe.Requests} requests:\n{string.Join('\n', probe.Failures)}");
        Assert.True(requestsWhenReady - requestsAtKill >= 10, $"only {requestsWhenReady - requestsAtKill} requests while the worker was down");
        Assert.True(everyConfigReads, "not every config reads again after the restart");
        Assert.Matches("(?s)^.+\n--- .* run.sh: worker silo 1 exited with status 137 \\(SIGKILL\\); starting it again in 1 s ---\n.+$", log);
        Assert.Equal(SigIntExit, stopped);
        Assert.Empty(run.Processes());
    }

    private static async Task<ConfigAddress[]> CreateConfigsAsync(LocalRunScript run)
    {
        ConfigAddress[] configs = [.. Enumerable.Range(0, Configs).Select(i => new ConfigAddress(Env, Svc, $"key-{i}"))];
        foreach (var config in configs)
        {
            Assert.Equal(HttpStatusCode.Created, (await run.Gateway.CreateAsync(config.Environment, config.ServiceName, config.Key, "value")).StatusCode);
        }

        return configs;
    }

    private static async Task<string[]> ConfigsNotHostedByAsync(LocalRunScript run, ConfigAddress[] configs, int siloPort)
    {
        await using var placement = await GrainPlacement.ConnectAsync(run);
        var hosts = await placement.SiloPortsAsync(configs);
        string[] paths = [.. hosts.Where(host => host.Value != siloPort).Select(host => Api.PathOf(host.Key.Environment, host.Key.ServiceName, host.Key.Key))];
        Assert.True(paths.Length > 0, $"every one of the {Configs} configs is hosted by the silo on port {siloPort}");
        return paths;
    }

    private static async Task<bool> AllReadAsync(LocalRunScript run, ConfigAddress[] configs)
    {
        foreach (var config in configs)
        {
            using var response = await run.Gateway.ReadAsync(config.Environment, config.ServiceName, config.Key);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pid run.sh keeps for worker <paramref name="worker"/>, checked against the process list.</summary>
    private static int WorkerPid(LocalRunScript run, int worker)
    {
        int pid = int.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, $"silo-{worker}.pid")).Trim());
        string commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        Assert.Contains("ConfigCluster.Silo.dll", commandLine);
        Assert.Contains($"http://127.0.0.1:{run.Ports.WorkerHttp + worker}", commandLine);
        return pid;
    }

    private static int WorkerPidFrom(string startedAgain) =>
        int.Parse(startedAgain[(startedAgain.LastIndexOf(' ') + 1)..].TrimEnd(')'));

    private static async Task WorkerIsReadyAsync(LocalRunScript run, int worker)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.Ports.WorkerHttp + worker}"), Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.ReachesAsync(() => IsReadyAsync(http), ready => ready, TimeSpan.FromSeconds(90), $"worker silo {worker} to be ready");
    }

    private static async Task<bool> IsReadyAsync(HttpClient worker)
    {
        try
        {
            using var response = await worker.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
