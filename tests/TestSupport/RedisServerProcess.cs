using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConfigCluster.TestSupport;

/// <summary>
/// A private redis-server on a free loopback port, with no persistence, in its own temporary directory.
/// Can be frozen (SIGSTOP) and thawed (SIGCONT), stopped and restarted on the same port; disposing kills it.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private readonly string _directory;
    private Process? _process;

    private RedisServerProcess(string executable, int port)
    {
        _executable = executable;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("configcluster-redis-").FullName;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis form, as <c>ConnectionStrings:Redis</c> takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("redis-server is not running.");

    public static RedisServerProcess Start()
    {
        var server = new RedisServerProcess(FindExecutable(), TestSupport.FreePort.Next());
        server.Launch();
        return server;
    }

    public void Freeze() => Signal("-STOP");

    public void Thaw() => Signal("-CONT");

    /// <summary>Kills the server (frozen or not) and waits until it is gone; the port is free again.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Stops the server if it runs and starts a fresh, empty one on the same port.</summary>
    public void Restart()
    {
        Stop();
        Launch();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a temp directory.
        }
    }

    private void Launch()
    {
        var start = new ProcessStartInfo(_executable) { UseShellExecute = false };
        string[] arguments = ["--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", _directory, "--daemonize", "no", "--logfile", Path.Combine(_directory, "redis.log")];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        WaitUntilAnswering();
    }

    private void WaitUntilAnswering()
    {
        var answered = SpinWait.SpinUntil(() => _process!.HasExited || RawRedisClient.Pings(Port), StartTimeout);
        if (!answered || _process!.HasExited)
        {
            throw new InvalidOperationException($"redis-server on port {Port} did not answer PING: {LogTail()}");
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, $"{ProcessId}"]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {ProcessId} exited with {kill.ExitCode}.");
        }
    }

    private string LogTail()
    {
        var log = Path.Combine(_directory, "redis.log");
        return File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(10)) : "(no log)";
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH. These tests start their own Redis servers: install the Debian " +
                "package redis-server (apt-get install redis-server, or run ./test.sh, which installs it) and run them again.");
    }
}
