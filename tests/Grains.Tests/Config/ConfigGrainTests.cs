namespace ConfigCluster.Grains.Tests.Config;

/// <summary>The config grain against the dev Vault server over HTTP (KV v2).</summary>
public sealed class ConfigGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task CreateWritesVersionOneAndSetsMaxVersionsOnTheSecret()
    {
        var address = TestChanges.NewAddress();

        var created = await fixture.Grain(address).CreateAsync(TestChanges.Of("v", isEncrypted: true));

        Assert.Equal(ConfigOutcome.Created, created.Outcome);
        Assert.Equal((1L, "v", true), (created.Entry!.Version, created.Entry.Value, created.Entry.IsEncrypted));
        var metadata = await fixture.Vault.ReadMetadataAsync(address.Path);
        Assert.Equal(100, metadata.GetProperty("max_versions").GetInt32());
        Assert.Equal(1, metadata.GetProperty("current_version").GetInt64());
    }

    [Fact]
    public async Task UpdateKeepsCreatedAtAndMovesUpdatedAt()
    {
        var address = TestChanges.NewAddress();
        var created = (await fixture.Grain(address).CreateAsync(TestChanges.Of("one"))).Entry!;

        var updated = (await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"))).Entry!;

        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public async Task EncryptedValueIsNeverServedFromGrainMemory()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("secret", isEncrypted: true));
        fixture.Vault.State.Seal();
        try
        {
            var read = await fixture.Grain(address).GetAsync();

            Assert.Equal(ConfigOutcome.VaultUnavailable, read.Outcome);
            Assert.Null(read.Entry);
        }
        finally
        {
            fixture.Vault.State.Unseal();
        }
    }

    [Fact]
    public async Task PlainValueIsServedFromGrainMemoryWhileVaultIsSealed()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("plain"));
        fixture.Vault.State.Seal();
        try
        {
            var read = await fixture.Grain(address).GetAsync();

            Assert.Equal(ConfigOutcome.Ok, read.Outcome);
            Assert.Equal("plain", read.Entry!.Value);
        }
        finally
        {
            fixture.Vault.State.Unseal();
        }
    }

    [Fact]
    public async Task ConversionToEncryptedDropsThePlainValueFromGrainMemory()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("plain"));
        await fixture.Grain(address).UpdateAsync(TestChanges.Of("now-secret", isEncrypted: true));
        fixture.Vault.State.Seal();
        try
        {
            Assert.Equal(ConfigOutcome.VaultUnavailable, (await fixture.Grain(address).GetAsync()).Outcome);
        }
        finally
        {
            fixture.Vault.State.Unseal();
        }
    }

    [Fact]
    public async Task DeleteRemovesEveryVersionFromVault()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"));

        var deleted = await fixture.Grain(address).DeleteAsync(TestChanges.Context);

        Assert.Equal(ConfigOutcome.Ok, deleted.Outcome);
        Assert.Equal(ConfigOutcome.NotFound, (await fixture.Grain(address).GetAsync(version: 1)).Outcome);
        Assert.Equal(ConfigOutcome.NotFound, (await fixture.Grain(address).GetAsync()).Outcome);
    }

    [Fact]
    public async Task OversizedValueIsRefusedByTheGrainItself()
    {
        var address = TestChanges.NewAddress();

        var result = await fixture.Grain(address).CreateAsync(TestChanges.Of(new string('x', ConfigValueLimits.MaxValueBytes + 1)));

        Assert.Equal(ConfigOutcome.Invalid, result.Outcome);
        Assert.Equal(ConfigOutcome.NotFound, (await fixture.Grain(address).GetAsync()).Outcome);
    }

    [Fact]
    public async Task SecretWithoutAStringValueIsReportedAsNotAConfig()
    {
        var address = TestChanges.NewAddress();
        await fixture.Vault.PutDirectlyAsync(address.Path, new { password = "x" });

        var read = await fixture.Grain(address).GetAsync();

        Assert.Equal(ConfigOutcome.NotFound, read.Outcome);
        Assert.Contains("not a configuration", read.Detail);
    }
}
