using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// Asks the gateway every 50 ms, until stopped, whether it is live and for one of the given configs (in
/// turn), and keeps every answer that is not a 200: a refused connection, a timeout, a 5xx or a 404.
/// </summary>
public sealed class GatewayProbe(HttpClient http, IReadOnlyList<string> configPaths)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly List<string> _failures = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int _requests;

    public int Requests => _requests;

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    public void Start() => _running = Task.Run(() => RunAsync(_stop.Token));

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await (_running ?? Task.CompletedTask);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            await AskAsync("/health/live", clock);
            await AskAsync(configPaths[i % configPaths.Count], clock);
            await Task.Delay(Interval, CancellationToken.None);
        }
    }

    private async Task AskAsync(string path, Stopwatch clock)
    {
        Interlocked.Increment(ref _requests);
        string? failure;
        try
        {
            using var response = await http.GetAsync(path);
            failure = response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            lock (_failures)
            {
                _failures.Add($"{clock.Elapsed.TotalSeconds:F2} s {path}: {failure}");
            }
        }
    }
}
