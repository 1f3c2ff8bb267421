using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>
/// Creates new configs through the gateway from <c>concurrency</c> writers at once until stopped, as a client
/// that retries safely: each create carries its own Idempotency-Key and is sent again with it while the
/// answer is a 503 or none (a silo died, a call timed out). Every attempt is kept with its timing.
/// </summary>
public sealed class WriteStorm(HttpClient http, string environment, int concurrency)
{
    private readonly ConcurrentBag<StormAttempt> _attempts = [];
    private readonly ConcurrentBag<StormWrite> _writes = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int _next;

    public IReadOnlyList<StormAttempt> Attempts => [.. _attempts];

    /// <summary>The final answer of every write begun: 201, or what else ended its retries.</summary>
    public IReadOnlyList<StormWrite> Writes => [.. _writes];

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WriteUntilStoppedAsync)));

    /// <summary>Waits until at least <paramref name="count"/> writes have ended.</summary>
    public Task<bool> WrittenAsync(int count, TimeSpan within) =>
        Eventually.HoldsAsync(() => Task.FromResult(_writes.Count >= count), within);

    /// <summary>Stops starting writes; the ones begun finish their retries.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await (_running ?? Task.CompletedTask);
    }

    private async Task WriteUntilStoppedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var key = $"storm-{Interlocked.Increment(ref _next):D6}";
            _writes.Add(await WriteUntilAnsweredAsync(key));
        }
    }

    private async Task<StormWrite> WriteUntilAnsweredAsync(string key)
    {
        var idempotencyKey = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            var (status, body) = await SendAsync(key, idempotencyKey);
            _attempts.Add(new StormAttempt(key, attempt, started, Stopwatch.GetTimestamp(), status));
            if (status is not (0 or 503) || attempt == 100)
            {
                return new StormWrite(key, status, body, attempt);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<(int Status, string Body)> SendAsync(string key, string idempotencyKey)
    {
        try
        {
            using var response = await http.CreateAsync(environment, "svc", key, $"value-of-{key}", idempotencyKey: idempotencyKey);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.GetType().Name);
        }
    }
}

/// <summary>One HTTP attempt of a storm write; status 0: no answer.</summary>
public sealed record StormAttempt(string Key, int Attempt, long StartedAt, long EndedAt, int Status)
{
    public TimeSpan Took => Stopwatch.GetElapsedTime(StartedAt, EndedAt);
}

public sealed record StormWrite(string Key, int Status, string Body, int Attempts);
