using ConfigCluster.Grains.LocalReads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace ConfigCluster.Grains.Tests.LocalReads;

/// <summary>
/// What a config grain publishes to its silo's local reads: only a plain config it holds as current,
/// never an encrypted one, and never an answer older than the last acknowledged change.
/// </summary>
public sealed class ConfigGrainLocalReadsTests(ConfigGrainLocalReadsTests.LocalReadsFixture fixture)
    : IClassFixture<ConfigGrainLocalReadsTests.LocalReadsFixture>
{
    private readonly LocalConfigReads _reads = fixture.SiloService<LocalConfigReads>();

    [Fact]
    public async Task ACreatedPlainConfigIsAnsweredLocallyAtItsVersion()
    {
        var address = TestChanges.NewAddress();

        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        Assert.Equal(("one", 1L), Local(address));
    }

    [Fact]
    public async Task AnEncryptedConfigIsNeverAnsweredLocally()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("secret", isEncrypted: true));

        await fixture.Grain(address).GetAsync();

        Assert.Null(_reads.TryRead(address));
    }

    [Fact]
    public async Task AnAcknowledgedUpdateIsAnsweredLocallyAtItsNewVersion()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"));

        Assert.Equal(("two", 2L), Local(address));
    }

    [Fact]
    public async Task AnUpdateThatEncryptsAConfigWithdrawsItsLocalAnswer()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        await fixture.Grain(address).UpdateAsync(TestChanges.Of("now secret", isEncrypted: true));

        Assert.Null(_reads.TryRead(address));
    }

    [Fact]
    public async Task ADeleteWithdrawsTheLocalAnswer()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));

        await fixture.Grain(address).DeleteAsync(TestChanges.Context);

        Assert.Null(_reads.TryRead(address));
    }

    [Fact]
    public async Task AWriteRefusedBecauseVaultMovedOnWithdrawsTheLocalAnswer()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "outside", is_encrypted = false });

        var refused = await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"));

        Assert.Equal(ConfigOutcome.ChangedOutsideService, refused.Outcome);
        Assert.Null(_reads.TryRead(address));
        Assert.Equal("outside", (await fixture.Grain(address).GetAsync()).Entry?.Value);
        Assert.Equal(("outside", 2L), Local(address));
    }

    [Fact]
    public async Task ADeactivatedGrainLeavesNoLocalAnswer()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        Assert.NotNull(_reads.TryRead(address));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_reads.TryRead(address) is null), TimeSpan.FromSeconds(10)));
    }

    private (string? Value, long Version)? Local(ConfigAddress address) =>
        _reads.TryRead(address) is { Entry: { } entry } ? (entry.Value, entry.Version) : null;

    public class LocalReadsFixture : ClusterFixture
    {
        protected override void ConfigureSilo(IServiceCollection services)
        {
            services.AddSingleton<LocalConfigReads>();
            services.AddSingleton<ILocalReadPublisher>(sp => sp.GetRequiredService<LocalConfigReads>());
        }
    }
}
