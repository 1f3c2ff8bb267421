using ConfigCluster.DevVault;
using ConfigCluster.Grains.LocalReads;

namespace ConfigCluster.Grains.Tests.LocalReads;

/// <summary>
/// A config grain asked to renew re-reads Vault only once its plain value is three quarters through the
/// cache TTL (4 s here: from 3 s on), and publishes what it read to the silo's local reads.
/// </summary>
public sealed class ConfigGrainRenewalTests(ConfigGrainRenewalTests.ShortTtlLocalReadsFixture fixture)
    : IClassFixture<ConfigGrainRenewalTests.ShortTtlLocalReadsFixture>
{
    private readonly LocalConfigReads _reads = fixture.SiloService<LocalConfigReads>();

    [Fact]
    public async Task ARenewalBeforeTheRenewalPointKeepsWhatTheGrainHolds()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "outside", is_encrypted = false });

        await fixture.Grain(address).RenewAsync();

        Assert.Equal("one", (await fixture.Grain(address).GetAsync()).Entry?.Value);
    }

    [Fact]
    public async Task ARenewalPastTheRenewalPointPublishesWhatVaultHoldsNow()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "outside", is_encrypted = false });

        var local = await Eventually.ValueAsync(
            async () =>
            {
                await fixture.Grain(address).RenewAsync();
                return _reads.TryRead(address)?.Entry;
            },
            entry => entry?.Value == "outside",
            TimeSpan.FromSeconds(20));

        Assert.Equal(("outside", 2L), (local?.Value, local?.Version));
    }

    public sealed class ShortTtlLocalReadsFixture : ConfigGrainLocalReadsTests.LocalReadsFixture
    {
        protected override IDictionary<string, string?> Settings(DevVaultServer vault)
        {
            var settings = base.Settings(vault);
            settings["Config:CacheTtl"] = "00:00:04";
            return settings;
        }
    }
}
