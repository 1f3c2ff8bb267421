using System.Net;
using System.Text;
using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Registry;

/// <summary>
/// Times how long the registry takes to show a dead instance as critical in queries. Each trial registers an
/// instance of <see cref="BenchRegistry.DeathService"/> whose HTTP check reaches a <see cref="DeathEndpoint"/> of its
/// own, waits until the list shows it passing, stops the endpoint, and polls the list until it shows the instance
/// critical: milliseconds from the stop. Writes the trials as <see cref="LatencyStats"/> (<c>--out</c>); a trial whose
/// instance never passed, or never went critical, within <see cref="GiveUp"/> counts as missing.
/// </summary>
internal static class RegistryDeathProbe
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>A query of the registry answers in milliseconds; one that hangs fails the probe rather than stalling the run.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var trials = options.Number("trials", 5);
        using var http = new HttpClient { BaseAddress = new Uri(options.Text("url")), Timeout = RequestTimeout };
        var deaths = new List<double>(trials);
        for (var trial = 1; trial <= trials; trial++)
        {
            if (await TrialAsync(http, $"death-{trial}") is { } ms)
            {
                deaths.Add(ms);
            }
        }

        var stats = LatencyStats.From(deaths, trials - deaths.Count);
        await File.WriteAllTextAsync(options.Text("out"), JsonSerializer.Serialize(stats, BenchJsonContext.Default.LatencyStats));
        Console.WriteLine($"instance death -> critical: {trials} trials; p50 {stats.P50Ms:F0} ms, max {stats.MaxMs:F0} ms, {stats.Missing} missing");
        return 0;
    }

    /// <summary>Milliseconds from the endpoint's stop until the list shows its instance critical; null when it never does.</summary>
    private static async Task<double?> TrialAsync(HttpClient http, string instanceId)
    {
        await using var endpoint = DeathEndpoint.Start();
        await RegisterAsync(http, instanceId, endpoint.Port);
        try
        {
            if (await UntilStatusAsync(http, instanceId, "passing", Stopwatch.GetTimestamp()) is null)
            {
                Console.Error.WriteLine($"{instanceId} never passed its check within {GiveUp.TotalSeconds:F0} s (may checks reach loopback?)");
                return null;
            }

            await endpoint.StopAsync();
            var stopped = Stopwatch.GetTimestamp();
            var ms = await UntilStatusAsync(http, instanceId, "critical", stopped);
            if (ms is null)
            {
                Console.Error.WriteLine($"{instanceId} was not shown critical within {GiveUp.TotalSeconds:F0} s of its death");
            }

            return ms;
        }
        finally
        {
            await DeregisterAsync(http, instanceId);
        }
    }

    /// <summary>Polls the service's list until it shows the instance with <paramref name="status"/>: milliseconds from <paramref name="from"/>, or null.</summary>
    private static async Task<double?> UntilStatusAsync(HttpClient http, string instanceId, string status, long from)
    {
        while (Stopwatch.GetElapsedTime(from) < GiveUp)
        {
            using var response = await http.GetAsync(BenchRegistry.ListPath(BenchRegistry.DeathService));
            var seenAt = Stopwatch.GetTimestamp();
            response.EnsureSuccessStatusCode();
            using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (InstanceList.StatusOf(list.RootElement, instanceId) == status)
            {
                return Stopwatch.GetElapsedTime(from, seenAt).TotalMilliseconds;
            }

            await Task.Delay(PollEvery);
        }

        return null;
    }

    private static async Task RegisterAsync(HttpClient http, string instanceId, int port)
    {
        using var body = new StringContent(BenchRegistry.DeathRegistration(port), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(BenchRegistry.InstancePath(BenchRegistry.DeathService, instanceId), body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"registering {instanceId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Removes the trial's instance; already gone (removed as critical) is as good.</summary>
    private static async Task DeregisterAsync(HttpClient http, string instanceId)
    {
        using var response = await http.DeleteAsync(BenchRegistry.InstancePath(BenchRegistry.DeathService, instanceId));
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"deregistering {instanceId} answered {(int)response.StatusCode}");
        }
    }
}
