using ConfigCluster.DevVault;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>VAULT_KV_VERSION=1: configs in a KV v1 mount, always at version 1 (decision 14).</summary>
public sealed class ConfigGrainKv1Tests(ConfigGrainKv1Tests.Kv1Fixture fixture) : IClassFixture<ConfigGrainKv1Tests.Kv1Fixture>
{
    [Fact]
    public async Task ConfigRoundTripsThroughAKvV1MountAtVersionOne()
    {
        var address = TestChanges.NewAddress();

        var created = await fixture.Grain(address).CreateAsync(TestChanges.Of("one", isEncrypted: true));
        var updated = await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"));
        var read = await fixture.Grain(address).GetAsync();

        Assert.Equal(ConfigOutcome.Created, created.Outcome);
        Assert.Equal((1L, "two", true), (updated.Entry!.Version, updated.Entry.Value, updated.Entry.IsEncrypted));
        Assert.Equal(("two", created.Entry!.CreatedAt), (read.Entry!.Value, read.Entry.CreatedAt));
    }

    [Fact]
    public async Task CreateOfAnExistingKvV1ConfigIsRefused()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        var again = await fixture.Grain(address).CreateAsync(TestChanges.Of("two"));

        Assert.Equal(ConfigOutcome.AlreadyExists, again.Outcome);
        Assert.Equal("one", (await fixture.Grain(address).GetAsync()).Entry!.Value);
    }

    [Fact]
    public async Task DeleteRemovesTheKvV1Config()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        var deleted = await fixture.Grain(address).DeleteAsync(TestChanges.Context);

        Assert.Equal(ConfigOutcome.Ok, deleted.Outcome);
        Assert.Equal(ConfigOutcome.NotFound, (await fixture.Grain(address).GetAsync()).Outcome);
    }

    [Fact]
    public async Task ListFindsKvV1Configs()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        var page = await fixture.Grains.GetGrain<IConfigCatalogGrain>(0).ListAsync(new ConfigListQuery(address.Environment, null));

        Assert.Equal([address], page.Items.Select(i => i.Address));
    }

    public sealed class Kv1Fixture : ClusterFixture
    {
        protected override DevVaultOptions VaultOptions
        {
            get
            {
                var options = base.VaultOptions;
                options.Mounts.Add(new DevVaultMount("kv1", 1));
                return options;
            }
        }

        protected override IDictionary<string, string?> Settings(DevVaultServer vault)
        {
            var settings = base.Settings(vault);
            settings["VAULT_MOUNT_POINT"] = "kv1";
            settings["VAULT_KV_VERSION"] = "1";
            return settings;
        }
    }
}
