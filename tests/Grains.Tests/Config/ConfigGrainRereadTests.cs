using ConfigCluster.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>
/// Rereads of a config whose version the grain knows (every encrypted GET, and a plain one when its TTL is up)
/// read Vault's data only while that version is current; anything else is read in full.
/// </summary>
public sealed class ConfigGrainRereadTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task EncryptedReadAfterUpdatesShowsTheCreatedAtOfTheFirstVersion()
    {
        var address = TestChanges.NewAddress();
        var created = (await fixture.Grain(address).CreateAsync(TestChanges.Of("one", isEncrypted: true))).Entry!;
        var updated = (await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"))).Entry!;

        var read = (await fixture.Grain(address).GetAsync()).Entry!;

        Assert.Equal(("two", 2L, true), (read.Value, read.Version, read.IsEncrypted));
        Assert.Equal((created.CreatedAt, updated.UpdatedAt), (read.CreatedAt, read.UpdatedAt));
    }

    [Fact]
    public async Task ConfigDeletedAndWrittenAgainInVaultShowsItsNewTimesThoughItsVersionIsTheSame()
    {
        var address = TestChanges.NewAddress();
        var created = (await fixture.Grain(address).CreateAsync(TestChanges.Of("first", isEncrypted: true))).Entry!;
        await fixture.Vault.DeleteDirectlyAsync(address.Path);
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "again", is_encrypted = true });

        var read = (await fixture.Grain(address).GetAsync()).Entry!;

        Assert.Equal(("again", 1L), (read.Value, read.Version));
        Assert.True(read.CreatedAt > created.CreatedAt);
        Assert.Equal(read.CreatedAt, read.UpdatedAt);
    }

    [Fact]
    public async Task RereadOfTheCurrentVersionReadsTheDataOnlyAndKeepsTheKnownCreatedAt()
    {
        var address = TestChanges.NewAddress();
        var created = (await fixture.Grain(address).CreateAsync(TestChanges.Of("value"))).Entry!;
        var store = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IConfigStore>();
        var marker = DateTimeOffset.UnixEpoch;

        var current = await store.RereadAsync(address, new KnownVersion(1, marker, created.UpdatedAt), CancellationToken.None);
        var stale = await store.RereadAsync(address, new KnownVersion(1, marker, created.UpdatedAt.AddSeconds(-1)), CancellationToken.None);

        Assert.Equal(("value", marker), (current.Value!.Value, current.Value.CreatedAt));
        Assert.Equal(created.CreatedAt, stale.Value!.CreatedAt);
    }
}
