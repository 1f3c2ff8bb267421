using ConfigCluster.Gateway.Apis;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// The gateway reads query parameters from the raw query string; for every name it looks up it must see
/// what ASP.NET Core's own parsing (Request.Query) sees: how often the name is given and its first value.
/// </summary>
public sealed class RawQueryTests
{
    private static readonly string[] Names = ["environment", "service_name", "version", "limit", "offset", "key"];

    // The read path's three names, each in more than one role, and three other names.
    private static readonly (string First, string Second, string Absent)[] NameTriples =
    [
        ("environment", "service_name", "version"), ("service_name", "environment", "version"),
        ("environment", "version", "service_name"), ("version", "service_name", "environment"),
        ("limit", "offset", "key"),
    ];

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
        "?environment=prod&service_name=api&version=2",
        "?environment=prod&service_name=api&VERSION",
        "?service_name=api&environment=prod&service_name=api",
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
    public void TwoUnescapedValuesAreGivenOnlyWhenEachIsTheOneValueRequestQuerySeesAndTheAbsentNameIsAbsent(string queryString)
    {
        var parsed = QueryHelpers.ParseNullableQuery(queryString);
        var raw = new RawQuery(queryString);
        var escaped = queryString.AsSpan().ContainsAny('%', '+');
        StringValues Seen(string name) => parsed is not null && parsed.TryGetValue(name, out var values) ? values : default;

        foreach (var (firstName, secondName, absentName) in NameTriples)
        {
            var found = raw.TryGetUnescaped(firstName, secondName, absentName, out var first, out var second);
            var (firsts, seconds) = (Seen(firstName), Seen(secondName));
            var expected = !escaped && firsts.Count == 1 && seconds.Count == 1 && Seen(absentName).Count == 0;
            Assert.Equal(expected, found);
            Assert.Equal(expected ? (firsts[0], seconds[0]) : ("", ""), (first.ToString(), second.ToString()));
        }
    }

    [Fact]
    public void UnescapedValuesAreFoundWithoutAllocating()
    {
        const string queryString = "?environment=prod&service_name=api";
        new RawQuery(queryString).TryGetUnescaped("environment", "service_name", "version", out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = new RawQuery(queryString).TryGetUnescaped("environment", "service_name", "version", out var environment, out var serviceName);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(("prod", "api", 0L), (environment.ToString(), serviceName.ToString(), allocated));
    }
}
