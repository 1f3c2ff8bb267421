using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Hosting;

namespace ConfigCluster.DevVault.Tests;

/// <summary>The Go formatting and parsing rules the server reproduces, checked directly.</summary>
public sealed class GoCompatibilityTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123.456, "123.456")]
    [InlineData(-2.5e300, "-2.5e+300")]
    [InlineData(0.000001, "0.000001")]
    public void FloatsAreFormattedLikeGosEncodingJson(double value, string expected)
    {
        Assert.Equal(expected, GoFloatFormatter.Format(value));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(-1, "-1s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m0s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(12319, "3h25m19s")]
    [InlineData(93600, "26h0m0s")]
    public void DurationsAreFormattedLikeGosDurationString(long seconds, string expected)
    {
        Assert.Equal(expected, GoTime.FormatSeconds(seconds));
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1500ms", 1)]
    [InlineData("-1m", -60)]
    [InlineData("", 0)]
    public void DurationSecondsAcceptPlainSecondsGoDurationsAndDays(string text, long expected)
    {
        Assert.True(GoDurationParser.TryParseSeconds(text, out long seconds, out _));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("1.5", "time: missing unit in duration \"1.5\"")]
    [InlineData("5y", "time: unknown unit \"y\" in duration \"5y\"")]
    public void BadDurationsReportGosErrors(string text, string error)
    {
        Assert.False(GoDurationParser.TryParseSeconds(text, out _, out string actual));
        Assert.Equal(error, actual);
    }

    [Theory]
    [InlineData("0x1f", 31)]
    [InlineData("010", 8)]
    [InlineData("-0b11", -3)]
    [InlineData("1_000", 1000)]
    public void IntegersParseWithGosBaseZeroRules(string text, long expected)
    {
        Assert.True(GoStrconv.TryParseIntBase0(text, out long value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void IntegerErrorsQuoteTheInputLikeStrconv()
    {
        Assert.False(GoStrconv.TryParseIntBase0("99999999999999999999", out _, out string range));
        Assert.False(GoStrconv.TryParseIntBase0("08", out _, out string syntax));

        Assert.Equal("strconv.ParseInt: parsing \"99999999999999999999\": value out of range", range);
        Assert.Equal("strconv.ParseInt: parsing \"08\": invalid syntax", syntax);
    }

    [Fact]
    public void KeysSortByCodePointSoAstralCharactersFollowPrivateUse()
    {
        string[] keys = ["\U0001F600", "\uE000", "z", "Z"];

        Array.Sort(keys, Utf8KeyOrder.Instance);

        Assert.Equal(["Z", "z", "\uE000", "\U0001F600"], keys);
    }

    [Theory]
    [InlineData("127.0.0.1:8200", "127.0.0.1", 8200)]
    [InlineData("0.0.0.0:18200", "0.0.0.0", 18200)]
    [InlineData("[::1]:8300", "::1", 8300)]
    public void DevListenAddressParsesHostAndPort(string value, string host, int port)
    {
        Assert.Equal((host, port), DevListenAddress.Parse(value));
    }
}
