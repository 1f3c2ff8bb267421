using ConfigCluster.DevVault;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>A token Vault refuses makes Vault unusable for the service: writes report Vault unavailable.</summary>
public sealed class ConfigGrainTokenTests(ConfigGrainTokenTests.DeniedTokenFixture fixture)
    : IClassFixture<ConfigGrainTokenTests.DeniedTokenFixture>
{
    [Fact]
    public async Task WriteWithATokenVaultDeniesReportsVaultUnavailable()
    {
        var result = await fixture.Grain(TestChanges.NewAddress()).CreateAsync(TestChanges.Of("v"));

        Assert.Equal(ConfigOutcome.VaultUnavailable, result.Outcome);
        Assert.Equal("Cannot create configuration: Vault is not available", result.Detail);
    }

    public sealed class DeniedTokenFixture : ClusterFixture
    {
        protected override IDictionary<string, string?> Settings(DevVaultServer vault)
        {
            vault.State.AddToken("denied-token", DevVaultPolicy.DenyAll);
            var settings = base.Settings(vault);
            settings["VAULT_TOKEN"] = "denied-token";
            return settings;
        }
    }
}
