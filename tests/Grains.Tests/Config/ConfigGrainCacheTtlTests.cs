using ConfigCluster.DevVault;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>A change made directly in Vault becomes visible once the grain's cache TTL has passed (decision 10).</summary>
public sealed class ConfigGrainCacheTtlTests(ConfigGrainCacheTtlTests.ShortTtlFixture fixture)
    : IClassFixture<ConfigGrainCacheTtlTests.ShortTtlFixture>
{
    [Fact]
    public async Task DirectVaultChangeOfAPlainValueIsServedAfterTheTtl()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("before"));
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "after", is_encrypted = false });

        var seen = await Eventually.ValueAsync(
            async () => (await fixture.Grain(address).GetAsync()).Entry?.Value, v => v == "after", TimeSpan.FromSeconds(10));

        Assert.Equal("after", seen);
    }

    public sealed class ShortTtlFixture : ClusterFixture
    {
        protected override IDictionary<string, string?> Settings(DevVaultServer vault)
        {
            var settings = base.Settings(vault);
            settings["Config:CacheTtl"] = "00:00:00.300";
            return settings;
        }
    }
}
