using System.Diagnostics;
using ConfigCluster.Client;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// Flags across silos: a change made through one gateway is evaluated by another within a second, and every silo
/// (one started later, as after a restart, too) and every in-cluster client serves each user the same variant.
/// </summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class FlagPropagationTests(FlagPropagationTests.TwoGatewaysFixture fixture) : IClassFixture<FlagPropagationTests.TwoGatewaysFixture>
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AChangeOnOneGatewayIsEvaluatedOnTheOtherWithinASecond()
    {
        var (first, second) = await fixture.GatewaysAsync();
        await first.Http.CreatedFlagAsync("spread", "dial", "\"enabled\": true, \"rollout_percentage\": 0");
        await WaitForVersionAsync(second, 1, TimeSpan.FromSeconds(30));

        var slowest = TimeSpan.Zero;
        for (var version = 2; version <= 11; version++)
        {
            var patched = await first.Http.PatchFlagAsync("spread", "dial", $$"""{"rollout_percentage": {{version}}}""");
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var acknowledged = Stopwatch.GetTimestamp();
            await WaitForVersionAsync(second, version, Propagation);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(acknowledged).Ticks));
        }

        Assert.True(slowest < Propagation, $"slowest propagation {slowest.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task EverySiloAndOneStartedLaterServeEachUserTheSameVariant()
    {
        var (first, second) = await fixture.GatewaysAsync();
        await first.Http.CreatedFlagAsync("sticky", "half", "\"enabled\": true, \"rollout_percentage\": 50");
        var users = Enumerable.Range(0, 200).Select(i => $"user-{i}").ToList();

        var onFirst = await VariantsAsync(first, users);
        var onSecond = await VariantsAsync(second, users);
        var client = new ConfigClient(await fixture.ClientAsync());
        var inCluster = new List<string?>();
        foreach (var user in users)
        {
            inCluster.Add((await client.EvaluateFlagAsync("sticky", "half", EvaluationContext.ForKey(user))).Variant);
        }

        Assert.Equal(onFirst, onSecond);
        Assert.Equal(onFirst, inCluster);
        Assert.InRange(onFirst.Count(v => v == "on"), 60, 140);
        var later = await fixture.StartGatewayAsync();
        Assert.Equal(onFirst, await VariantsAsync(later, users));
    }

    private static async Task WaitForVersionAsync(SiloProcess gateway, long version, TimeSpan within) =>
        await Eventually.ReachesAsync(
            async () => (await (await gateway.Http.OfrepAsync("dial", """{"context": {"targetingKey": "u"}}""", "spread")).JsonAsync())
                .GetProperty("metadata").GetProperty("version").GetInt64(),
            seen => seen == version, within, $"version {version} on the second gateway");

    private static async Task<List<string?>> VariantsAsync(SiloProcess gateway, IEnumerable<string> users)
    {
        var variants = new List<string?>();
        foreach (var user in users)
        {
            var evaluation = await (await gateway.Http.OfrepAsync("half", $$"""{"context": {"targetingKey": "{{user}}" } }""", "sticky")).JsonAsync();
            variants.Add(evaluation.GetProperty("variant").GetString());
        }

        return variants;
    }

    /// <summary>Two gateway silos in one cluster, started once for the class.</summary>
    public sealed class TwoGatewaysFixture : ClusterFixture
    {
        private Task<(SiloProcess First, SiloProcess Second)>? _gateways;

        public Task<(SiloProcess First, SiloProcess Second)> GatewaysAsync() => _gateways ??= StartTwoAsync();

        private async Task<(SiloProcess First, SiloProcess Second)> StartTwoAsync()
        {
            var first = await StartGatewayAsync();
            var second = await StartGatewayAsync();
            await ActiveMembersAreAsync(first, second);
            return (first, second);
        }
    }
}
