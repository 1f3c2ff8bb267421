using System.Collections.Concurrent;
using ConfigCluster.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>
/// A write that has begun (its intent recorded) runs to its end even if its caller cancels: the Vault
/// write, the commit and the cache update never get the caller's token.
/// </summary>
public sealed class ConfigGrainWriteCancellationTests(ConfigGrainWriteCancellationTests.RecordingFixture fixture)
    : IClassFixture<ConfigGrainWriteCancellationTests.RecordingFixture>
{
    [Fact]
    public async Task TheVaultStepsOfAWriteNeverGetTheCallersToken()
    {
        var address = TestChanges.NewAddress();
        using var caller = new CancellationTokenSource();

        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"), caller.Token);
        await fixture.Grain(address).UpdateAsync(TestChanges.Of("two"), caller.Token);
        await fixture.Grain(address).DeleteAsync(TestChanges.Context, caller.Token);

        var steps = fixture.SiloService<TokenRecordingStore>().WritesOf(address);
        Assert.Equal(["write", "write", "delete"], steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.False(s.Cancellable));
    }

    [Fact]
    public async Task AReadStillGetsTheCallersToken()
    {
        var address = TestChanges.NewAddress();
        using var caller = new CancellationTokenSource();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one", isEncrypted: true));

        await fixture.Grain(address).GetAsync(null, caller.Token);

        Assert.True(fixture.SiloService<TokenRecordingStore>().ReadsOf(address).Last());
    }

    public sealed class RecordingFixture : ClusterFixture
    {
        protected override void ConfigureSilo(IServiceCollection services)
        {
            var vault = services.Last(d => d.ServiceType == typeof(IConfigStore));
            services.Remove(vault);
            services.AddSingleton(sp => new TokenRecordingStore((IConfigStore)vault.ImplementationFactory!(sp)));
            services.AddSingleton<IConfigStore>(sp => sp.GetRequiredService<TokenRecordingStore>());
        }
    }

    /// <summary>The Vault store, noting whether each call could be cancelled.</summary>
    public sealed class TokenRecordingStore(IConfigStore inner) : IConfigStore
    {
        private readonly ConcurrentQueue<(ConfigAddress Address, string Step, bool Cancellable)> _writes = new();
        private readonly ConcurrentQueue<(ConfigAddress Address, bool Cancellable)> _reads = new();

        public IReadOnlyList<(string Step, bool Cancellable)> WritesOf(ConfigAddress address) =>
            _writes.Where(w => w.Address == address).Select(w => (w.Step, w.Cancellable)).ToList();

        public IReadOnlyList<bool> ReadsOf(ConfigAddress address) =>
            _reads.Where(r => r.Address == address).Select(r => r.Cancellable).ToList();

        public Task<StoreResult<StoredConfig>> ReadAsync(ConfigAddress address, long? version, CancellationToken cancellationToken)
        {
            _reads.Enqueue((address, cancellationToken.CanBeCanceled));
            return inner.ReadAsync(address, version, cancellationToken);
        }

        public Task<StoreResult<StoredConfig>> RereadAsync(ConfigAddress address, KnownVersion known, CancellationToken cancellationToken)
        {
            _reads.Enqueue((address, cancellationToken.CanBeCanceled));
            return inner.RereadAsync(address, known, cancellationToken);
        }

        public Task<StoreResult<StoredWrite>> WriteAsync(
            ConfigAddress address, string value, bool isEncrypted, long expectedVersion, CancellationToken cancellationToken)
        {
            _writes.Enqueue((address, "write", cancellationToken.CanBeCanceled));
            return inner.WriteAsync(address, value, isEncrypted, expectedVersion, cancellationToken);
        }

        public Task<StoreResult<bool>> DeleteAsync(ConfigAddress address, long expectedVersion, CancellationToken cancellationToken)
        {
            _writes.Enqueue((address, "delete", cancellationToken.CanBeCanceled));
            return inner.DeleteAsync(address, expectedVersion, cancellationToken);
        }

        public Task<StoreResult<bool>> SetMaxVersionsAsync(ConfigAddress address, int maxVersions, CancellationToken cancellationToken) =>
            inner.SetMaxVersionsAsync(address, maxVersions, cancellationToken);

        public Task<StoreResult<IReadOnlyList<ConfigAddress>>> ListAsync(string environment, string? serviceName, CancellationToken cancellationToken) =>
            inner.ListAsync(environment, serviceName, cancellationToken);

        public Task<StoreResult<IReadOnlyDictionary<long, StoredVersionInfo>>> ReadVersionsAsync(ConfigAddress address, CancellationToken cancellationToken) =>
            inner.ReadVersionsAsync(address, cancellationToken);

        public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);
    }
}
