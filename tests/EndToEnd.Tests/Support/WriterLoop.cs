using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// Updates one config through the gateway, one request after another, until stopped: each value is
/// unique, and every write the service acknowledged (2xx) is kept with the version it answered.
/// </summary>
public sealed class WriterLoop
{
    private readonly HttpClient _http;
    private readonly string _env;
    private readonly string _svc;
    private readonly string _key;
    private readonly List<AcknowledgedWrite> _acknowledged = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int _refused;

    public WriterLoop(HttpClient http, string env, string svc, string key) => (_http, _env, _svc, _key) = (http, env, svc, key);

    public IReadOnlyList<AcknowledgedWrite> Acknowledged
    {
        get
        {
            lock (_acknowledged)
            {
                return [.. _acknowledged];
            }
        }
    }

    /// <summary>Writes answered with an error or not answered at all: not acknowledged, so not promised.</summary>
    public int Refused => _refused;

    public void Start() => _running = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Waits until <paramref name="count"/> writes were acknowledged after the <see cref="Stopwatch"/> timestamp <paramref name="since"/>.</summary>
    public Task<IReadOnlyList<AcknowledgedWrite>> AcknowledgedSinceAsync(long since, int count, TimeSpan within) =>
        Eventually.ReachesAsync(
            () => Task.FromResult(Acknowledged), a => a.Count(w => w.AcknowledgedAt > since) >= count, within,
            $"{count} writes acknowledged (refused so far: {Refused})");

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await (_running ?? Task.CompletedTask);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var value = $"write-{i}";
            try
            {
                using var response = await _http.UpdateAsync(_env, _svc, _key, value);
                if (response.IsSuccessStatusCode)
                {
                    var (_, version) = await response.ValueAsync();
                    lock (_acknowledged)
                    {
                        _acknowledged.Add(new AcknowledgedWrite(value, version, Stopwatch.GetTimestamp()));
                    }
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _refused);
            }
        }
    }
}

public sealed record AcknowledgedWrite(string Value, long Version, long AcknowledgedAt);
