using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// A built .NET program (<c>dotnet X.dll</c>) or a script run as a separate OS process, so a test can
/// kill -9 it or send it SIGTERM or SIGINT. Every stdout line is kept with the moment it arrived; stderr
/// is kept for diagnostics.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly Channel<OutputLine> _lines = Channel.CreateUnbounded<OutputLine>();
    private readonly Queue<string> _tail = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string assemblyPath, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(assemblyPath)! };
        info.ArgumentList.Add(assemblyPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Start(info);
    }

    /// <summary>Starts what <paramref name="info"/> describes, with its output captured.</summary>
    public static ChildProcess Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var child = new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
        child._process.OutputDataReceived += (_, e) => child.Receive(e.Data, stdout: true);
        child._process.ErrorDataReceived += (_, e) => child.Receive(e.Data, stdout: false);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The path of a program this test project builds first (see the AssemblyMetadata items in its .csproj).</summary>
    public static string BuiltAssembly(string name)
    {
        var path = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == name).Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} is not built", path);
    }

    /// <summary>The first stdout line from now on that <paramref name="matches"/>, with when it arrived.</summary>
    public async Task<OutputLine> WaitForLineAsync(Func<string, bool> matches, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
            {
                if (matches(line.Text))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"no matching output line within {within} (exited: {HasExited}); last output:\n{Tail()}");
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a crashed pod.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: what Kubernetes sends a pod it stops; the host shuts down gracefully.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGINT: Ctrl-C in the terminal it would run in.</summary>
    public void Interrupt() => Signal(SigInt);

    private void Signal(int signal)
    {
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGSTOP: the process stops answering without closing anything, like a stalled VM.</summary>
    public void Freeze() => Signal(SigStop, "SIGSTOP");

    /// <summary>SIGCONT: a frozen process runs again.</summary>
    public void Thaw() => Signal(SigCont, "SIGCONT");

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    private void Signal(int signal, string name)
    {
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private void Receive(string? text, bool stdout)
    {
        if (text is null)
        {
            return;
        }

        if (stdout)
        {
            _lines.Writer.TryWrite(new OutputLine(text, Stopwatch.GetTimestamp()));
        }

        lock (_tail)
        {
            _tail.Enqueue(text);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One line of a child's stdout and the <see cref="Stopwatch"/> timestamp it was read at.</summary>
public sealed record OutputLine(string Text, long ReceivedAt);
