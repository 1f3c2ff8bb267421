using ConfigCluster.Grains.Flags;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>A silo's set of an environment's flags takes only newer versions, and its ETag follows every change.</summary>
public sealed class EnvironmentFlagsTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FlagsAreListedInOrdinalKeyOrder()
    {
        var flags = EnvironmentFlags.Of("prod", [Flag("b"), Flag("B"), Flag("a")]);

        Assert.Equal(["B", "a", "b"], flags.Ordered.Select(f => f.Key));
        Assert.Equal("a", flags.Find("a")!.Key);
        Assert.Null(flags.Find("c"));
    }

    [Fact]
    public void ANewerVersionReplacesTheFlagAndAnOlderOneIsIgnored()
    {
        var flags = EnvironmentFlags.Of("prod", [Flag("a", version: 2)]);

        var newer = flags.With(Flag("a", version: 3));
        var older = newer.With(Flag("a", version: 1));

        Assert.Equal(3, newer.Find("a")!.Version);
        Assert.Same(newer, older);
    }

    [Fact]
    public void AFlagCreatedAgainAfterADeleteIsNewerThoughItsVersionStartsAgain()
    {
        var flags = EnvironmentFlags.Of("prod", [Flag("a", version: 5)]);

        var recreated = flags.With(Flag("a", version: 1, created: Created.AddMinutes(1)));

        Assert.Equal(1, recreated.Find("a")!.Version);
    }

    [Fact]
    public void ADeleteRemovesTheVersionItDeletedButNotANewerFlag()
    {
        var flags = EnvironmentFlags.Of("prod", [Flag("a", version: 4)]);

        Assert.Null(flags.Without("a", Flag("a", version: 4)).Find("a"));
        Assert.Same(flags, flags.Without("a", Flag("a", version: 3)));
        Assert.Null(flags.Without("a").Find("a"));
    }

    [Fact]
    public void TheETagChangesWithEveryChangeAndOnlyThen()
    {
        var flags = EnvironmentFlags.Of("prod", [Flag("a"), Flag("b")]);

        Assert.Equal(flags.ETag, EnvironmentFlags.Of("prod", [Flag("b"), Flag("a")]).ETag);
        Assert.NotEqual(flags.ETag, flags.With(Flag("a", version: 2)).ETag);
        Assert.NotEqual(flags.ETag, flags.Without("b").ETag);
        Assert.NotEqual(flags.ETag, EnvironmentFlags.Of("prod", []).ETag);
    }

    private static FlagDefinition Flag(string key, long version = 1, DateTimeOffset? created = null) =>
        TestFlags.Boolean(key) with { Version = version, CreatedAt = created ?? Created, UpdatedAt = (created ?? Created).AddSeconds(version) };
}
