using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

/// <summary>The benchmark's targets checked against a run's rows: reported as met or not, never asserted by the bench.</summary>
public sealed class TargetChecksTests
{
    private const int Connections = 64;

    [Fact]
    public void ARunWithoutTheRowsOfATargetChecksNothing() => Assert.Empty(TargetChecks.Evaluate([], null, Connections, pacedRate: 20_000));

    [Theory]
    [InlineData(0.75, true)]
    [InlineData(1.10, true)]
    [InlineData(0.7499, false)]
    public void CachedGetMustReachThreeQuartersOfBareKestrel(double ratio, bool met)
    {
        var check = Check([Row("get-plain", ratio: ratio)], "cached GET >= 0.75 x bare Kestrel at 64 connections");

        Assert.Equal(met, check.Met);
        Assert.Equal($"{ratio:F2} x", check.Measured);
    }

    [Theory]
    [InlineData(0.70, true)]
    [InlineData(0.6999, false)]
    public void CachedGetWithAnApiKeyMustReachSevenTenthsOfBareKestrel(double ratio, bool met) =>
        Assert.Equal(met, Check([Row("get-plain-key", ratio: ratio)], "cached GET with an API key >= 0.7 x bare Kestrel at 64 connections").Met);

    [Fact]
    public void CachedGetWithoutARatioToItsBaselineDoesNotMeetTheThroughputTarget()
    {
        var check = Check([Row("get-plain", ratio: null)], "cached GET >= 0.75");

        Assert.False(check.Met);
        Assert.Equal("no baseline", check.Measured);
    }

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(0.4, true)]
    [InlineData(3.01, false)]
    public void CachedGetP99MustBeAtMostThreeMilliseconds(double p99, bool met) =>
        Assert.Equal(met, Check([Row("get-plain", p99: p99)], "cached GET p99 <= 3 ms at 64 connections").Met);

    [Fact]
    public void ACachedGetRowWithErrorsMeetsNeitherOfItsTargets()
    {
        LoadRow[] load = [Row("get-plain", p99: 1, ratio: 1, errors: 1)];

        Assert.False(Check(load, "cached GET >= 0.75").Met);
        Assert.False(Check(load, "cached GET p99").Met);
    }

    [Fact]
    public void OnlyTheRowAtTheGivenConnectionCountIsChecked()
    {
        LoadRow[] load = [Row("get-plain", connections: 16, p99: 1, ratio: 1), Row("get-plain", p99: 9, ratio: 0.5)];

        Assert.Equal("9.00 ms", Check(load, "cached GET p99").Measured);
        Assert.Equal("0.50 x", Check(load, "cached GET >= 0.75").Measured);
        Assert.Empty(TargetChecks.Evaluate([Row("get-plain", connections: 16)], null, Connections, null));
    }

    [Fact]
    public void AP99TargetShowsBareKestrelsP99OfTheSameRunBesideIt()
    {
        LoadRow[] load = [Row("get-plain", p99: 2.5, baseline: "kestrel-get"), Row("kestrel-get", p99: 0.8), Row("kestrel-get", connections: 16, p99: 0.1)];

        Assert.Equal("2.50 ms (bare Kestrel 0.80)", Check(load, "cached GET p99").Measured);
        Assert.Equal("2.50 ms", Check([Row("get-plain", p99: 2.5, baseline: "kestrel-get")], "cached GET p99").Measured);
    }

    [Theory]
    [InlineData(3.0, 0, true)]
    [InlineData(3.01, 0, false)]
    [InlineData(1.0, 1, false)]
    public void PacedGetP99MustBeAtMostThreeMillisecondsWithoutErrors(double p99, long errors, bool met) => Assert.Equal(
        met, Check([Row("get-plain-paced", p99: p99, errors: errors)], "cached GET p99 <= 3 ms at 64 conns, open loop 20,000/s", pacedRate: 20_000).Met);

    [Fact]
    public void ThePacedTargetIsLeftOutWhenTheRunHadNoPacedRate() =>
        Assert.Empty(TargetChecks.Evaluate([Row("get-plain-paced", p99: 1)], null, Connections, pacedRate: null));

    [Theory]
    [InlineData(1000, 0, true)]
    [InlineData(999.9, 0, false)]
    [InlineData(5000, 1, false)]
    public void WritesMustReachAThousandASecondWithoutErrors(double requestsPerSec, long errors, bool met) =>
        Assert.Equal(met, Check([Row("put-many", requestsPerSec: requestsPerSec, errors: errors)], "writes across keys").Met);

    [Theory]
    [InlineData("put-many", "writes across keys", 1200)]
    [InlineData("heartbeat", "heartbeats", 6000)]
    public void AThroughputTargetJudgesTheFastestConnectionCount(string id, string target, double fastest)
    {
        LoadRow[] load = [Row(id, connections: 16, requestsPerSec: fastest), Row(id, requestsPerSec: fastest * 0.75, errors: 3)];

        var check = Check(load, target);

        Assert.True(check.Met);
        Assert.Equal($"{fastest}/s at 16 connections", check.Measured);
    }

    [Theory]
    [InlineData(99.9, 0, true)]
    [InlineData(100, 0, false)]
    [InlineData(5, 1, false)]
    public void ObserverP99MustBeUnderAHundredMillisecondsWithNothingMissing(double p99, int missing, bool met)
    {
        var observer = new LatencyStats(500 - missing, missing, 1, p99, p99);
        var latency = new LatencyResult(500, 20, new LatencyStats(500, 0, 1, 2, 3), observer, new LatencyStats(500, 0, 1, 2, 3));

        var check = Assert.Single(TargetChecks.Evaluate([], latency, Connections, null));

        Assert.StartsWith("change -> observer p99 < 100 ms", check.Target, StringComparison.Ordinal);
        Assert.Equal(met, check.Met);
    }

    [Fact]
    public void AnObserverThatHeardNothingIsReportedAsNotMet()
    {
        var silent = new LatencyStats(0, 500, null, null, null);
        var latency = new LatencyResult(500, 20, new LatencyStats(500, 0, 1, 2, 3), silent, new LatencyStats(500, 0, 1, 2, 3));

        var check = Assert.Single(TargetChecks.Evaluate([], latency, Connections, null));

        Assert.False(check.Met);
        Assert.Equal("nothing heard (500 missing)", check.Measured);
    }

    [Theory]
    [InlineData(0.6, 0, true)]
    [InlineData(0.59, 0, false)]
    [InlineData(0.9, 3, false)]
    public void OfrepEvaluationMustReachSixTenthsOfBareKestrelWithoutErrors(double ratio, long errors, bool met) =>
        Assert.Equal(met, Check([Row("ofrep", ratio: ratio, errors: errors)], "OFREP evaluation >= 0.6 x").Met);

    [Theory]
    [InlineData(999.9, 0, true)]
    [InlineData(1000, 0, false)]
    [InlineData(20, 1, false)]
    public void AFlagChangeMustReachTheOtherGatewayWithinASecondAtP99(double p99, int missing, bool met)
    {
        var check = Assert.Single(TargetChecks.Evaluate([], null, Connections, null, new LatencyStats(200 - missing, missing, 1, p99, p99)));

        Assert.StartsWith("flag change -> other gateway", check.Target, StringComparison.Ordinal);
        Assert.Equal(met, check.Met);
    }

    [Theory]
    [InlineData(0.5, 0, true)]
    [InlineData(0.4999, 0, false)]
    [InlineData(0.9, 2, false)]
    public void HealthyInstancesQueryMustReachHalfOfBareKestrelWithoutErrors(double ratio, long errors, bool met)
    {
        var check = Check([Row("registry-healthy", ratio: ratio, errors: errors)], "healthy-instances query >= 0.5 x bare Kestrel at 64 connections");

        Assert.Equal(met, check.Met);
        Assert.Equal($"{ratio:F2} x", check.Measured);
    }

    [Fact]
    public void TheHealthyInstancesQueryIsJudgedAtTheHighestConnectionCountOnly()
    {
        LoadRow[] load = [Row("registry-healthy", connections: 16, ratio: 0.9), Row("registry-healthy", ratio: 0.3)];

        Assert.False(Check(load, "healthy-instances query").Met);
        Assert.Empty(TargetChecks.Evaluate([Row("registry-healthy", connections: 16)], null, Connections, null));
    }

    [Theory]
    [InlineData(5000, 0, true)]
    [InlineData(4999.9, 0, false)]
    [InlineData(20_000, 1, false)]
    public void HeartbeatsMustReachFiveThousandASecondWithoutErrors(double requestsPerSec, long errors, bool met) =>
        Assert.Equal(met, Check([Row("heartbeat", requestsPerSec: requestsPerSec, errors: errors)], "heartbeats >= 5,000/s").Met);

    [Theory]
    [InlineData(2500, 0, true)]
    [InlineData(2500.1, 0, false)]
    [InlineData(900, 1, false)]
    public void AnInstanceDeathMustShowAsCriticalInQueriesWithinTwoAndAHalfSeconds(double maxMs, int missing, bool met)
    {
        var check = DeathCheck(new LatencyStats(5 - missing, missing, 800, maxMs, maxMs));

        Assert.Equal("instance death -> critical in queries <= 2.5 s", check.Target);
        Assert.Equal(met, check.Met);
    }

    [Fact]
    public void TheDeathTargetJudgesTheSlowestTrialNotTheMedian()
    {
        var check = DeathCheck(LatencyStats.From([700, 800, 900, 1000, 2600], missing: 0));

        Assert.False(check.Met);
        Assert.Equal("2.60 s max of 5 (0 missing)", check.Measured);
    }

    [Fact]
    public void ADeathProbeWhoseInstancesNeverWentCriticalIsReportedAsNotMet()
    {
        var check = DeathCheck(new LatencyStats(0, 5, null, null, null));

        Assert.False(check.Met);
        Assert.Equal("never critical (5 missing)", check.Measured);
    }

    private static TargetCheck DeathCheck(LatencyStats registryDeath) =>
        Assert.Single(TargetChecks.Evaluate([], null, Connections, null, flagLatency: null, registryDeath));

    private static TargetCheck Check(IReadOnlyList<LoadRow> load, string target, int? pacedRate = null) =>
        Assert.Single(TargetChecks.Evaluate(load, null, Connections, pacedRate), c => c.Target.StartsWith(target, StringComparison.Ordinal));

    private static LoadRow Row(
        string id, int connections = Connections, double requestsPerSec = 10_000, double p99 = 1, long errors = 0, double? ratio = 1, string? baseline = null) =>
        new(id, id, id, connections, requestsPerSec, P50Ms: p99 / 2, p99, errors, CpuUsPerRequest: null, baseline, ratio, CpuRatio: null, Rounds: null);
}
