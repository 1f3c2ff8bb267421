using ConfigCluster.Gateway.Apis;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// The gateway reads query parameters from the raw query string; for every name it looks up it must see
/// what ASP.NET Core's own parsing (Request.Query) sees: how often the name is given and its first value.
/// </summary>
public sealed class RawQueryTests
{
    private static readonly string[] Names = ["environment", "service_name", "version", "limit", "offset", "key"];

    public static TheoryData<string> QueryStrings =>
    [
        "",
        "?",
        "?environment=prod&service_name=api",
        "environment=prod&service_name=api",
        "?Environment=prod&SERVICE_NAME=api",
        "?environment=prod&environment=dev",
        "?environment=prod&environment=",
        "?environment&service_name=",
        "?environment=&&&service_name=api&",
        "?=x&environment==prod",
        "?environment=a+b&service_name=a%20b",
        "?environment=%41%42&service%5Fname=x",
        "?env%69ronment=prod",
        "?environment=%zz&service_name=%",
        "?environment=%E2%82%AC&version=%FF",
        "?environment=prod;service_name=api",
        "?version=3&version=4&limit=10&offset=-1",
        "?environment=caf%C3%A9&service+name=x&service_name=y",
        "?environment=prod#fragment",
    ];

    [Theory]
    [MemberData(nameof(QueryStrings))]
    public void EveryNameIsSeenAsRequestQuerySeesIt(string queryString)
    {
        var parsed = QueryHelpers.ParseNullableQuery(queryString);
        var raw = new RawQuery(queryString);

        foreach (var name in Names)
        {
            var count = raw.Count(name, out var first);
            var expected = parsed is not null && parsed.TryGetValue(name, out var values) ? values : default;
            Assert.Equal((expected.Count, expected.Count > 0 ? expected[0] : null), (count, first));
            Assert.Equal(expected.Count > 0, raw.Contains(name));
        }
    }

    [Theory]
    [MemberData(nameof(QueryStrings))]
    public void AnUnescapedValueIsGivenOnlyWhenItIsTheOneValueRequestQuerySees(string queryString)
    {
        var parsed = QueryHelpers.ParseNullableQuery(queryString);
        var raw = new RawQuery(queryString);
        var escaped = queryString.AsSpan().ContainsAny('%', '+');

        foreach (var name in Names)
        {
            var found = raw.TryGetUnescaped(name, out var value);
            var expected = parsed is not null && parsed.TryGetValue(name, out var values) ? values : default;
            Assert.Equal(!escaped && expected.Count == 1, found);
            Assert.Equal(found ? expected[0] : "", value.ToString());
        }
    }

    [Fact]
    public void AnUnescapedValueIsFoundWithoutAllocating()
    {
        const string queryString = "?environment=prod&service_name=api";
        new RawQuery(queryString).TryGetUnescaped("environment", out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var raw = new RawQuery(queryString);
        var found = raw.TryGetUnescaped("environment", out var environment) & raw.TryGetUnescaped("service_name", out var serviceName)
            & !raw.Contains("version");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(("prod", "api", 0L), (environment.ToString(), serviceName.ToString(), allocated));
    }
}
