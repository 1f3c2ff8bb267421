using System.Diagnostics;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>The sample in-cluster service (samples/ConfigWatcher) as a process of its own, connected through AdoNet clustering.</summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class InClusterClientProcessTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan NotificationBudget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AClientProcessIsNotifiedOfEachChangeWithinOneSecondOfItsAcknowledgement()
    {
        var gateway = await fixture.StartGatewayAsync();
        var worker = await fixture.StartWorkerAsync();
        await fixture.ActiveMembersAreAsync(gateway, worker);
        await using var watcher = ChildProcess.Start(ChildProcess.BuiltAssembly("ConfigWatcherAssembly"),
        [
            "--Cluster:Clustering=AdoNet",
            $"--Cluster:ClusterId={fixture.ClusterId}",
            $"--ConnectionStrings:Postgres={fixture.Postgres.ConnectionString}",
            "--Watch:Environment=watched",
            "--Watch:ServiceName=svc",
        ]);
        await watcher.WaitForLineAsync(line => line == "watching watched/svc", TimeSpan.FromSeconds(60));

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var key = $"key-{i % 3}";
            using var response = i < 3
                ? await gateway.Http.CreateAsync("watched", "svc", key, "v")
                : await gateway.Http.UpdateAsync("watched", "svc", key, $"v{i}");
            var acknowledgedAt = Stopwatch.GetTimestamp();
            var (_, version) = await response.ValueAsync();
            var line = await watcher.WaitForLineAsync(l => l.StartsWith($"changed\twatched/svc/{key}\t{version}\t", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            // A notification may be read before the acknowledgement is: the silo sends it first.
            delays.Add(line.ReceivedAt > acknowledgedAt ? Stopwatch.GetElapsedTime(acknowledgedAt, line.ReceivedAt) : TimeSpan.Zero);
        }

        output.WriteLine($"acknowledgement to notification: max {delays.Max().TotalMilliseconds:F1} ms, median {delays.Order().ElementAt(delays.Count / 2).TotalMilliseconds:F1} ms");
        Assert.All(delays, d => Assert.True(d < NotificationBudget, $"notified {d.TotalMilliseconds:F0} ms after the acknowledgement"));
    }
}
