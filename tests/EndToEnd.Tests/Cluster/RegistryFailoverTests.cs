using System.Diagnostics;
using ConfigCluster.Grains.Interfaces.Registry;
using Orleans;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// Health checks outlive the silo that ran them: a worker killed (kill -9) while it runs checks, the checks of its
/// instances go on on the silo left within the reminder period (plus the time the cluster takes to declare the
/// worker dead), and no instance is declared critical for the time its checker was gone.
/// </summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class RegistryFailoverTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Batch = 20;
    private const int MaxInstances = 400;

    private static readonly string[] RegistryArgs =
    [
        "--Registry:AllowedCheckNetworks:0=127.0.0.0/8",
        "--Registry:MinCheckInterval=00:00:00.1",
        "--Registry:ReminderPeriod=00:00:03",
    ];

    [Fact]
    public async Task ChecksOfAKilledSilosInstancesGoOnOnTheSiloLeft()
    {
        var gateway = await fixture.StartGatewayAsync(true, RegistryArgs);
        var worker = await fixture.StartWorkerAsync(true, RegistryArgs);
        await fixture.ActiveMembersAreAsync(gateway, worker);
        await using var endpoint = HealthEndpoint.Start();
        // Orleans places most activations on the silo that asked (the gateway): register until the worker hosts some.
        List<string> ids = [];
        List<string> orphans = [];
        while (orphans.Count < 3 && ids.Count < MaxInstances)
        {
            foreach (var id in Enumerable.Range(ids.Count, Batch).Select(i => $"i-{i:000}"))
            {
                using var registered = await gateway.Http.RegisterAsync("failover", "api", id, RegistryApi.Http(endpoint.Port, path: $"/health/{id}", interval: "500ms"));
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                ids.Add(id);
            }

            orphans = await HostedOnAsync(ids, worker.SiloPort);
        }

        Assert.True(orphans.Count >= 3, $"the worker hosts {orphans.Count} of {ids.Count} instances");
        await Eventually.ReachesAsync(() => gateway.Http.StatusesAsync("failover", "api"), s => s.All(x => x.EndsWith("=passing", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "every instance to pass");

        worker.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        var resumed = await Eventually.ValueAsync(
            () => Task.FromResult(orphans.Where(id => CheckedSince(endpoint, id, killedAt)).ToList()),
            checkedAgain => checkedAgain.Count == orphans.Count, TimeSpan.FromSeconds(60));
        var within = Stopwatch.GetElapsedTime(killedAt);
        output.WriteLine($"{orphans.Count} of {ids.Count} instances were checked by the killed worker; all checked again {within.TotalSeconds:F1} s after the kill");

        Assert.Equal(orphans, resumed);
        Assert.True(within < TimeSpan.FromSeconds(45), $"checks resumed after {within}");
        // A check in flight when the worker died may have ended critical: the next one, on the silo left, passes it again.
        await Eventually.ReachesAsync(() => gateway.Http.StatusesAsync("failover", "api"), s => s.All(x => x.EndsWith("=passing", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "every instance to pass again on the silo left");
    }

    private static bool CheckedSince(HealthEndpoint endpoint, string id, long since) =>
        endpoint.Requests.Any(r => r.Path == $"/health/{id}" && r.At > since);

    /// <summary>The instances whose grains the silo on <paramref name="siloPort"/> hosts now.</summary>
    private async Task<List<string>> HostedOnAsync(IReadOnlyList<string> ids, int siloPort)
    {
        var client = await fixture.ClientAsync();
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var onSilo = statistics.Where(s => s.SiloAddress.Endpoint.Port == siloPort).Select(s => s.GrainId).ToHashSet();
        return [.. ids.Where(id => onSilo.Contains(client.GetRegistryInstanceGrain("failover", "api", id).GetGrainId()))];
    }
}
