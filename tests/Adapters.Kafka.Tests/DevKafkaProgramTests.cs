using System.Diagnostics;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class DevKafkaProgramTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _bootstrapFile = Path.Combine(Path.GetTempPath(), $"devkafka-{Guid.NewGuid():N}.env");
    private Process? _process;

    [Fact]
    public async Task ProgramPrintsTheBootstrapLineWritesItToTheFileAndStopsOnSigterm()
    {
        _process = Start();

        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(Deadline);

        Assert.Matches(@"^KAFKA_BOOTSTRAP_SERVERS=127\.0\.0\.1:\d+$", line);
        Assert.Equal(line + "\n", await File.ReadAllTextAsync(_bootstrapFile));
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await _process.WaitForExitAsync().WaitAsync(Deadline);
        Assert.Equal(0, _process.ExitCode);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        File.Delete(_bootstrapFile);
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConfigCluster.DevKafka.dll") },
            Environment = { ["DEV_KAFKA_BROKERS"] = "1", ["DEV_KAFKA_BOOTSTRAP_FILE"] = _bootstrapFile },
        };
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}
