using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Semantic versions per semver.org 2.0.0, with an optional leading "v".</summary>
public sealed class SemVerTests
{
    /// <summary>In increasing precedence: semver.org's own example, extended at both ends.</summary>
    private static readonly string[] Ascending =
    [
        "0.0.1", "0.9.9", "1.0.0-0", "1.0.0-1", "1.0.0-a", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
        "10.0.0", "99999999999999999999.0.0",
    ];

    [Fact]
    public void VersionsCompareByPrecedenceIncludingPreReleases()
    {
        for (var i = 0; i < Ascending.Length; i++)
        {
            for (var j = 0; j < Ascending.Length; j++)
            {
                Assert.True(SemVer.TryCompare(Ascending[i], Ascending[j], out var comparison));
                Assert.True(Math.Sign(comparison) == i.CompareTo(j), $"{Ascending[i]} vs {Ascending[j]}: {comparison}");
            }
        }
    }

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("1.2.3+build.5", "1.2.3")]
    [InlineData("1.0.0-alpha+001", "v1.0.0-alpha+exp.sha.5114f85")]
    public void LeadingVAndBuildMetadataDoNotChangePrecedence(string left, string right)
    {
        Assert.True(SemVer.TryCompare(left, right, out var comparison));
        Assert.Equal(0, comparison);
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3-alpha")]
    [InlineData("1.2.3-0.3.7")]
    [InlineData("1.2.3-x.7.z.92")]
    [InlineData("1.0.0-x-y-z.--")]
    [InlineData("1.0.0+20130313144700")]
    [InlineData("1.0.0+0001")]
    [InlineData("1.0.0-beta+exp.sha.5114f85")]
    [InlineData("123456789012345678901234567890.0.0")]
    public void SemanticVersionsAreValid(string text) => Assert.True(SemVer.IsValid(text));

    [Theory]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.02.3")]
    [InlineData("1.2.03")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3-a..b")]
    [InlineData("1.2.3-alpha.")]
    [InlineData("1.2.3-alpha_beta")]
    [InlineData("1.2.3+build..1")]
    [InlineData(" 1.2.3")]
    [InlineData("1.2.3 ")]
    [InlineData("vv1.2.3")]
    [InlineData("V1.2.3")]
    [InlineData("-1.2.3")]
    [InlineData("1.2.-3")]
    [InlineData("a.b.c")]
    [InlineData("1..3")]
    [InlineData("1.2.3-ü")]
    public void OtherTextIsNotASemanticVersion(string text)
    {
        Assert.False(SemVer.IsValid(text));
        Assert.False(SemVer.TryCompare(text, "1.0.0", out _));
        Assert.False(SemVer.TryCompare("1.0.0", text, out _));
    }
}
