using System.Text.Json;
using ConfigCluster.BenchTools.Reporting;

namespace ConfigCluster.BenchTools.Tests.Reporting;

/// <summary>One wrk run as bench/wrk/bench.lua's done() writes it, and the server's CPU beside it.</summary>
public sealed class WrkSummaryTests
{
    [Fact]
    public void ALineAsBenchLuaWritesItReadsIntoEveryField()
    {
        const string Line = """
            {"mode":"get-plain","requests":123456,"duration_s":10.002,"requests_per_sec":12343.1,"p50_ms":0.512,"p90_ms":0.901,"p99_ms":2.250,"max_ms":14.003,"errors":{"connect":1,"read":2,"write":3,"status":4,"timeout":5}}
            """;

        var summary = JsonSerializer.Deserialize(Line, BenchJsonContext.Default.WrkSummary);

        Assert.Equal(new WrkSummary("get-plain", 123456, 10.002, 12343.1, 0.512, 0.901, 2.25, 14.003, new WrkErrors(1, 2, 3, 4, 5)), summary);
        Assert.Null(summary!.ServerCpuS);
    }

    [Fact]
    public void TotalErrorsAddUpEveryKind() => Assert.Equal(15, new WrkErrors(1, 2, 3, 4, 5).Total);

    [Fact]
    public void CpuPerRequestIsTheServersCpuSecondsOverTheRequestsInMicroseconds()
    {
        Assert.Equal(2.5, Summary(requests: 1_000_000, serverCpuS: 2.5).CpuUsPerRequest);
        Assert.Equal(333_333.3, Summary(requests: 3, serverCpuS: 1).CpuUsPerRequest);
    }

    [Fact]
    public void CpuPerRequestIsUnknownWithoutTheServersCpu() => Assert.Null(Summary(requests: 1000, serverCpuS: null).CpuUsPerRequest);

    [Fact]
    public void CpuPerRequestIsUnknownWithoutRequests() => Assert.Null(Summary(requests: 0, serverCpuS: 1).CpuUsPerRequest);

    private static WrkSummary Summary(long requests, double? serverCpuS) =>
        new WrkSummary("get-plain", requests, 10, requests / 10.0, 1, 2, 3, 4, new WrkErrors(0, 0, 0, 0, 0)) { ServerCpuS = serverCpuS };
}
