namespace ConfigCluster.Vault.Client.Tests;

/// <summary>Client path rules of vault-kv-contract §3.12.</summary>
public sealed class KvPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("/a")]
    [InlineData("a\u0000b")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("del\u007F")]
    [InlineData("nbsp\u00A0here")]
    [InlineData("thin\u2009space")]
    [InlineData("line\u2028separator")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("private\uE000use")]
    public void UnsafeSegmentsAreRejected(string segment)
    {
        Assert.False(KvPath.TryCreate(["ok", segment], out _, out var problem));
        Assert.Contains("segment 1", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KvPath.Create("ok", segment));
    }

    [Fact]
    public void LoneSurrogateIsRejected()
    {
        var segment = "lone" + (char)0xD800 + "surrogate";

        Assert.False(KvPath.TryCreate([segment], out _, out _));
    }

    [Fact]
    public void NullSegmentIsRejected()
    {
        Assert.False(KvPath.TryCreate([null!], out _, out var problem));
        Assert.Contains("empty", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("...")]
    [InlineData("trailing.")]
    [InlineData("with space")]
    [InlineData("ünïcödé")]
    [InlineData("emoji😀")]
    [InlineData("sym+bols&=?#%")]
    public void OrdinarySegmentsAreAccepted(string segment)
    {
        Assert.True(KvPath.TryCreate([segment], out var path, out var problem));
        Assert.Null(problem);
        Assert.Equal([segment], path.Segments);
    }

    [Fact]
    public void ToStringIsTheEscapedWireForm()
    {
        Assert.Equal("team%20a/db%252Fpassword%3F", KvPath.Create("team a", "db%2Fpassword?").ToString());
        Assert.Equal("a%2Bb/%C3%BC", KvPath.Create("a+b", "ü").ToString());
    }

    [Fact]
    public void RootHasNoSegmentsAndAnEmptyWireForm()
    {
        Assert.True(KvPath.Root.IsRoot);
        Assert.Empty(KvPath.Root.Segments);
        Assert.Equal(string.Empty, KvPath.Root.ToString());
        Assert.Equal(KvPath.Root, KvPath.Create());
        Assert.Equal(KvPath.Root, default);
    }

    [Fact]
    public void PathsAreEqualBySegments()
    {
        Assert.Equal(KvPath.Create("a", "b"), KvPath.Parse("a/b"));
        Assert.Equal(KvPath.Create("a", "b").GetHashCode(), KvPath.Parse("a/b").GetHashCode());
        Assert.Equal(KvPath.Create("a", "b"), KvPath.Create("a").Append("b"));
        Assert.NotEqual(KvPath.Create("a", "b"), KvPath.Create("a", "B"));
    }

    [Theory]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("a/../b")]
    public void ParseRejectsEmptyAndDotSegments(string text)
    {
        Assert.False(KvPath.TryParse(text, out _, out _));
        Assert.Throws<ArgumentException>(() => KvPath.Parse(text));
    }

    [Fact]
    public void SegmentsAreCopiedSoLaterChangesDoNotLeakIn()
    {
        var segments = new[] { "a", "b" };
        var path = KvPath.Create(segments);

        segments[1] = "..";

        Assert.Equal(["a", "b"], path.Segments);
        Assert.Equal("a/b", path.ToString());
    }
}
