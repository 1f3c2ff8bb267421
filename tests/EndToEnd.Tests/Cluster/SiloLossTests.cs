using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// A gateway and two worker silos as processes under a storm of creates from 50 concurrent clients that retry
/// each create with its Idempotency-Key while the answer is a 503; then a worker is lost. Writes flow again
/// within the documented bound, no answer takes longer than the grain call timeout, and every config is
/// written exactly once: one audit row and one event each. Each way of losing a silo has its own cluster.
/// </summary>
public abstract class SiloLossTests(ClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>docs/consistency.md: writes flow again within 10 s of a silo's death or freeze.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(10);

    /// <summary>Cluster:CallTimeout (8 s), plus the gateway's own work and a loaded machine's scheduling.</summary>
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(9.5);

    /// <summary>An attempt slower than this (or refused) counts as writes not flowing.</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(2);

    protected async Task<(WriteStorm Storm, SiloProcess Victim)> StartStormAsync(string environment)
    {
        var gateway = await fixture.StartGatewayAsync();
        SiloProcess[] workers = [await fixture.StartWorkerAsync(), await fixture.StartWorkerAsync()];
        await fixture.ActiveMembersAreAsync([gateway, .. workers]);
        var storm = new WriteStorm(gateway.Http, environment, concurrency: 50);
        storm.Start();
        Assert.True(await storm.WrittenAsync(300, TimeSpan.FromSeconds(60)), "the storm did not get going");
        return (storm, workers[0]);
    }

    /// <summary>Keeps the storm on until 200 writes began more than the recovery bound after the loss, then stops it.</summary>
    protected static async Task StormOnUntilAsync(WriteStorm storm, long lostAt)
    {
        var settled = await Eventually.HoldsAsync(
            () => Task.FromResult(storm.Attempts.Count(a => Stopwatch.GetElapsedTime(lostAt, a.StartedAt) > RecoveryBound) >= 200),
            TimeSpan.FromSeconds(120));
        await storm.StopAsync();
        Assert.True(settled, "the storm made no progress after the loss");
    }

    protected void AssertRecovered(WriteStorm storm, long lostAt, string loss)
    {
        var attempts = storm.Attempts;
        var troubled = attempts.Where(a => a.EndedAt > lostAt && (a.Status is 0 or 503 || a.Took > Stalled)).ToList();
        var recovered = troubled.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(lostAt, troubled.Max(a => a.EndedAt));
        var longest = attempts.Max(a => a.Took);
        output.WriteLine($"{loss}: {attempts.Count} attempts, {troubled.Count} refused or slow after the loss " +
            $"({troubled.Count(a => a.Status == 503)} x 503, {troubled.Count(a => a.Status == 0)} unanswered); writes flowed again " +
            $"{recovered.TotalSeconds:F1} s after it; longest answer {longest.TotalSeconds:F1} s");

        output.WriteLine("refused or slow, by the second after the loss they ended in: " + string.Join(", ", troubled
            .GroupBy(a => (int)Stopwatch.GetElapsedTime(lostAt, a.EndedAt).TotalSeconds).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}s: {g.Count()} (longest {g.Max(a => a.Took).TotalSeconds:F1} s)")));

        Assert.NotEmpty(troubled); // the lost silo held grains the storm was writing
        Assert.True(recovered <= RecoveryBound, $"writes flowed again only {recovered.TotalSeconds:F1} s after the {loss}");
        Assert.True(longest <= LongestAnswer, $"an answer took {longest.TotalSeconds:F1} s");
        Assert.DoesNotContain(attempts, a => a.Status is not (0 or 201 or 503));
    }

    protected async Task AssertEachWrittenOnceAsync(WriteStorm storm, string environment)
    {
        var writes = storm.Writes;
        Assert.All(writes, w => Assert.True(w.Status == 201, $"{w.Key} ended with {w.Status} after {w.Attempts} attempts: {w.Body}"));
        Assert.All(writes, w => Assert.Contains($"\"value\":\"value-of-{w.Key}\"", w.Body, StringComparison.Ordinal));
        Assert.All(writes, w => Assert.Contains("\"version\":1,", w.Body, StringComparison.Ordinal));

        var rows = await ChangeStatesAsync(environment);
        Assert.Equal(writes.Select(w => w.Key).Order(), rows.Where(r => r.State == "committed").Select(r => r.Key).Order());
        Assert.DoesNotContain(rows, r => r.State == "pending");

        var keys = writes.Select(w => $"{environment}/svc/{w.Key}").ToHashSet();
        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers,
            read => keys.IsSubsetOf(read.Select(e => e.Key)), TimeSpan.FromSeconds(90));
        var perKey = KafkaEvents.Deduplicated(events).Where(e => keys.Contains(e.Key)).GroupBy(e => e.Key).ToList();
        Assert.Equal(keys.Count, perKey.Count);
        Assert.All(perKey, g => Assert.Equal(["created"], g.Select(e => e.EventType)));
    }

    private async Task<IReadOnlyList<(string Key, string State)>> ChangeStatesAsync(string environment)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT key, state FROM config_changes WHERE environment = @environment", connection);
        select.Parameters.AddWithValue("environment", environment);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
