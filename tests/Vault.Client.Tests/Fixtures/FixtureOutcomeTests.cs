namespace ConfigCluster.Vault.Client.Tests.Fixtures;

/// <summary>Every fixture, served with its README status through the real client, ends in the documented outcome.</summary>
public sealed class FixtureOutcomeTests
{
    public static TheoryData<string> FixtureNames => [.. VaultFixtures.Names];

    [Fact]
    public void EveryFixtureFileHasAnExpectedOutcomeAndAStatus()
    {
        var names = VaultFixtures.Names;
        Assert.NotEmpty(names);
        Assert.Empty(names.Except(FixtureCases.All.Keys));
        Assert.Empty(FixtureCases.All.Keys.Except(names));
        Assert.All(names, name => Assert.InRange(VaultFixtures.Status(name), 200, 599));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task FixtureEndsInItsDocumentedOutcome(string fixture)
    {
        using var vault = StubVault.ForFixture(fixture);
        var (call, expected) = FixtureCases.All[fixture];

        var observed = await call(vault);

        Assert.Equal(expected, observed.Outcome);
        Assert.Equal(VaultFixtures.Status(fixture), observed.HttpStatus);
        Assert.DoesNotContain("\n", observed.Error ?? string.Empty, StringComparison.Ordinal);
        if (expected != VaultOutcome.Ok)
        {
            Assert.False(string.IsNullOrWhiteSpace(observed.Error));
        }
    }
}
