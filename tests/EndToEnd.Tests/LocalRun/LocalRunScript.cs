using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// ./run.sh of this checkout as a process of its own, on a block of free ports, with its run and data
/// directories in a temporary folder: it runs beside any other cluster. Disposing stops whatever of it
/// is still running, PostgreSQL and Redis included, and removes the folder.
/// </summary>
public sealed class LocalRunScript : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private ChildProcess? _process;

    private LocalRunScript(string folder, LocalRunPorts ports)
    {
        _folder = folder;
        Ports = ports;
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Gateway}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public LocalRunPorts Ports { get; }

    public string RunDirectory => Path.Combine(_folder, "run");

    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>A log file run.sh writes, e.g. <c>silo-1.log</c>.</summary>
    public string LogPath(string name) => Path.Combine(RunDirectory, "logs", name);

    /// <summary>The REST API of the gateway silo.</summary>
    public HttpClient Gateway { get; }

    /// <summary>The running ./run.sh: its console output, its signals.</summary>
    public ChildProcess Console => _process ?? throw new InvalidOperationException("./run.sh is not started");

    /// <summary>A folder under /tmp whose parents the OS user postgres can reach (run.sh's PostgreSQL runs as it).</summary>
    public static LocalRunScript Create()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("./run.sh runs on Linux");
        }

        string folder = Directory.CreateTempSubdirectory("configcluster-localrun-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        return new LocalRunScript(folder, LocalRunPorts.Free());
    }

    /// <summary>Starts ./run.sh with <paramref name="args"/>, waits until it says the cluster is running, and returns what it said until then.</summary>
    public async Task<IReadOnlyList<string>> StartAsync(params string[] args)
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start(StartInfo(args));
        var said = new List<string>();
        Task<OutputLine> running = _process.WaitForLineAsync(line => { said.Add(line); return line == "Ctrl-C stops everything."; }, StartTimeout);
        using var exit = new CancellationTokenSource();
        Task exited = _process.WaitForExitAsync(exit.Token);
        if (await Task.WhenAny(running, exited) == exited)
        {
            throw new InvalidOperationException($"./run.sh {string.Join(' ', args)} exited with {_process.ExitCode} before it ran; last output:\n{_process.Tail()}");
        }

        await exit.CancelAsync();
        await running;
        return said;
    }

    /// <summary>Ctrl-C: SIGINT, then waits until ./run.sh has exited; its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        Console.Interrupt();
        using var timeout = new CancellationTokenSource(StopTimeout);
        await Console.WaitForExitAsync(timeout.Token);
        return Console.ExitCode;
    }

    /// <summary>Every live process of this run.sh, PostgreSQL and Redis included (see <see cref="RunProcesses"/>).</summary>
    public IReadOnlyList<int> Processes() => RunProcesses.Find(RunDirectory, DataDirectory, Ports.Redis);

    /// <summary>Ctrl-C if it still runs, then stops its servers, kills anything of it left, and removes the folder: each step even if one before failed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                await StopAsync(_process);
            }

            await StopServersAsync();
        }
        finally
        {
            foreach (int pid in Processes())
            {
                KillQuietly(pid);
            }

            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            Gateway.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ProcessStartInfo StartInfo(string[] args)
    {
        // env resets SIGINT to its default: a shell started with SIGINT ignored (a background job) cannot trap it.
        var info = new ProcessStartInfo("env") { WorkingDirectory = RepositoryRoot() };
        foreach (string arg in (string[])["--default-signal=INT", "./run.sh", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in Ports.Environment())
        {
            info.Environment[name] = value;
        }

        info.Environment["CONFIGCLUSTER_RUN_DIR"] = RunDirectory;
        info.Environment["CONFIGCLUSTER_DATA_DIR"] = DataDirectory;
        info.Environment["CONFIGURATION"] = "Release";
        // No MSBuild nodes or compiler server left behind by run.sh's build.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["UseSharedCompilation"] = "false";
        foreach (string inherited in (string[])["VAULT_ADDR", "VAULT_TOKEN", "VAULT_TOKEN_FILE", "VAULT_AUTH_METHOD", "VAULT_ROLE_ID", "VAULT_SECRET_ID",
            "VAULT_SECRET_ID_FILE", "VAULT_DEV_ROOT_TOKEN_ID", "VAULT_DEV_LISTEN_ADDRESS", "VAULT_DEV_STORAGE_PATH"])
        {
            info.Environment.Remove(inherited);
        }

        return info;
    }

    private static async Task StopAsync(ChildProcess process)
    {
        try
        {
            process.Interrupt();
            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            process.Kill();
        }
    }

    // PostgreSQL and Redis run as daemons, outside run.sh's process tree: stopped the way run.sh stops them.
    private async Task StopServersAsync()
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot() };
        foreach (string arg in (string[])["-c", "source scripts/postgres.sh; source scripts/redis.sh; redis_stop \"$1/redis\"; postgres_stop \"$1/postgres\"", "stop", DataDirectory])
        {
            info.ArgumentList.Add(arg);
        }

        await using var stop = ChildProcess.Start(info);
        using var timeout = new CancellationTokenSource(StopTimeout);
        await stop.WaitForExitAsync(timeout.Token);
    }

    private static void KillQuietly(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "run.sh")) && File.Exists(Path.Combine(directory.FullName, "ConfigCluster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no checkout with run.sh above {AppContext.BaseDirectory}");
    }
}
