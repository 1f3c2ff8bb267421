using System.Net;
using System.Text.Json;
using ConfigCluster.BenchTools.Registry;

namespace ConfigCluster.BenchTools.Tests.Registry;

/// <summary>The registry instances a run seeds and the death probe's instance, as bench/wrk/bench.lua names them too.</summary>
public sealed class BenchRegistryTests
{
    private static readonly BenchRegistry Defaults = new(Instances: 10_000, Services: 100);

    [Theory]
    [InlineData(0, "inst-00000", "reg-000")]
    [InlineData(42, "inst-00042", "reg-042")]
    [InlineData(199, "inst-00199", "reg-099")]
    [InlineData(9_950, "inst-09950", "reg-050")]
    public void InstanceIIsNamedByItsNumberAndBelongsToServiceIModuloServices(int i, string instanceId, string service)
    {
        Assert.Equal(instanceId, BenchRegistry.InstanceId(i));
        Assert.Equal(service, Defaults.ServiceOf(i));
    }

    [Fact]
    public void EveryServiceHoldsAnEqualShareOfTheInstances()
    {
        var perService = Enumerable.Range(0, Defaults.Instances).GroupBy(Defaults.ServiceOf).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(100, perService.Count);
        Assert.All(perService.Values, count => Assert.Equal(100, count));
    }

    [Fact]
    public void PathsFollowTheRegistryApiInTheBenchEnvironment()
    {
        Assert.Equal("/api/v1/registry/bench/services/reg-007/instances/inst-00007", BenchRegistry.InstancePath("reg-007", "inst-00007"));
        Assert.Equal("/api/v1/registry/bench/services/reg-007/instances?healthy=true", BenchRegistry.HealthyListPath("reg-007"));
    }

    [Fact]
    public void EachSeededInstanceHasAPrivateAddressOfItsOwn()
    {
        var addresses = Enumerable.Range(0, 70_000).Select(i => Parse(BenchRegistry.TtlRegistration(i)).GetProperty("address").GetString()!).ToList();

        Assert.Equal(addresses.Count, addresses.Distinct(StringComparer.Ordinal).Count());
        Assert.All(addresses, address => Assert.True(IPAddress.TryParse(address, out var ip) && ip.GetAddressBytes()[0] == 10, address));
    }

    [Fact]
    public void ASeededInstanceHasATtlCheckOfADaySoThatItStaysPassingThroughAnyRun()
    {
        var registration = Parse(BenchRegistry.TtlRegistration(5));

        var check = registration.GetProperty("check");

        Assert.Equal(8080, registration.GetProperty("port").GetInt32());
        Assert.Equal(["type", "ttl"], check.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ttl", check.GetProperty("type").GetString());
        Assert.Equal("24h", check.GetProperty("ttl").GetString());
    }

    [Fact]
    public void TheDeathInstanceIsCheckedOverHttpOnItsLoopbackPortAndCriticalOnTheFirstFailure()
    {
        var registration = Parse(BenchRegistry.DeathRegistration(40123));
        var check = registration.GetProperty("check");

        Assert.Equal("127.0.0.1", registration.GetProperty("address").GetString());
        Assert.Equal(40123, registration.GetProperty("port").GetInt32());
        Assert.Equal("http", check.GetProperty("type").GetString());
        Assert.Equal("/health", check.GetProperty("path").GetString());
        Assert.Equal("1s", check.GetProperty("interval").GetString());
        Assert.Equal("500ms", check.GetProperty("timeout").GetString());
        Assert.Equal(1, check.GetProperty("failures_before_critical").GetInt32());
    }

    [Fact]
    public void TheDeathTargetIsTheCheckIntervalPlusItsTimeoutPlusASecond() =>
        Assert.Equal(TimeSpan.FromMilliseconds(2500), BenchRegistry.DeathTarget);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
