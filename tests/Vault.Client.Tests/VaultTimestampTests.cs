using System.Globalization;
using ConfigCluster.Vault.Client.Internal;

namespace ConfigCluster.Vault.Client.Tests;

/// <summary>Go timestamps: 0–9 fractional digits, any offset, empty meaning unset (vault-kv-contract §7.3).</summary>
public sealed class VaultTimestampTests
{
    [Theory]
    [InlineData("2018-03-22T02:24:06.945319214Z", "2018-03-22T02:24:06.9453192+00:00")]
    [InlineData("2025-03-02T08:20:01.5Z", "2025-03-02T08:20:01.5000000+00:00")]
    [InlineData("2025-03-02T08:20:01Z", "2025-03-02T08:20:01.0000000+00:00")]
    [InlineData("2024-12-24T17:53:26.932122122+01:00", "2024-12-24T17:53:26.9321221+01:00")]
    [InlineData("2024-12-24T11:53:26.1-05:00", "2024-12-24T11:53:26.1000000-05:00")]
    public void GoTimestampsParseWithTheirOffset(string text, string expected)
    {
        Assert.True(VaultTimestamp.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed.ToString("o", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("not a time")]
    public void EmptyOrGarbageMeansUnset(string? text) => Assert.False(VaultTimestamp.TryParse(text, out _));
}
