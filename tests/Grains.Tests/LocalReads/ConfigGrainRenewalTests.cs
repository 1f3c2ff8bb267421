using System.Collections.Concurrent;
using ConfigCluster.DevVault;
using ConfigCluster.Grains.LocalReads;
using ConfigCluster.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Grains.Tests.LocalReads;

/// <summary>
/// A config grain asked to renew re-reads Vault only once its plain value is past its renewal point, five
/// to seven eighths through the cache TTL (4 s here: from 2.5 to 3.5 s on), and publishes what it read
/// to the silo's local reads. A renewal that finds the version it holds keeps its answer and does not
/// ask the change log again.
/// </summary>
public sealed class ConfigGrainRenewalTests(ConfigGrainRenewalTests.ShortTtlLocalReadsFixture fixture)
    : IClassFixture<ConfigGrainRenewalTests.ShortTtlLocalReadsFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly LocalConfigReads _reads = fixture.SiloService<LocalConfigReads>();
    private readonly CountingChangeLog _changes = fixture.SiloService<CountingChangeLog>();

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

    [Fact]
    public async Task ARenewalThatFindsTheSameVersionKeepsTheAnswerWithoutAskingTheChangeLog()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        var published = _reads.TryRead(address);
        await Eventually.HoldsAsync(() => PastRenewalPoint(address), Within, "the renewal point");

        await fixture.Grain(address).RenewAsync();

        // Published anew: its own renewal point comes round again (the first one's was claimed above).
        await Eventually.HoldsAsync(() => PastRenewalPoint(address), Within, "the renewed answer's renewal point");
        Assert.NotNull(published);
        Assert.Same(published, _reads.TryRead(address));
        Assert.Equal(0, _changes.NewestIdQueriesOf(address));
    }

    [Fact]
    public async Task ARenewalThatFindsANewVersionAsksTheChangeLogForTheNewestChange()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("one"));
        await fixture.Vault.PutDirectlyAsync(address.Path, new { value = "outside", is_encrypted = false });
        await Eventually.HoldsAsync(() => PastRenewalPoint(address), Within, "the renewal point");

        // One renewal: RenewAsync is one-way, so asking again while the first is in flight would be a second one.
        await fixture.Grain(address).RenewAsync();

        await Eventually.HoldsAsync(() => _reads.TryRead(address)?.Entry?.Value == "outside", Within, "the renewed answer");
        Assert.Equal(1, _changes.NewestIdQueriesOf(address));
    }

    [Fact]
    public async Task ConfigsCreatedTogetherGetRenewalPointsSpreadOverTheMiddleOfTheTtl()
    {
        var addresses = Enumerable.Range(0, 16).Select(_ => TestChanges.NewAddress()).ToList();

        await Task.WhenAll(addresses.Select(a => fixture.Grain(a).CreateAsync(TestChanges.Of("one"))));

        var points = addresses.Select(a => fixture.SiloService<RecordingPublisher>().RenewalPointOf(a)).ToList();
        Assert.All(points, p => Assert.InRange(p, 0.625, 0.875));
        Assert.True(points.Distinct().Count() > 1, "every config got the same renewal point");
    }

    private bool PastRenewalPoint(ConfigAddress address) => _reads.TryRead(address, out var renew) is not null && renew;

    public sealed class ShortTtlLocalReadsFixture : ConfigGrainLocalReadsTests.LocalReadsFixture
    {
        protected override IDictionary<string, string?> Settings(DevVaultServer vault)
        {
            var settings = base.Settings(vault);
            settings["Config:CacheTtl"] = Ttl.ToString();
            return settings;
        }

        protected override void ConfigureSilo(IServiceCollection services)
        {
            base.ConfigureSilo(services);
            var log = services.Last(d => d.ServiceType == typeof(IChangeLog));
            services.Remove(log);
            services.AddSingleton(sp => new CountingChangeLog((IChangeLog)ActivatorUtilities.CreateInstance(sp, log.ImplementationType!)));
            services.AddSingleton<IChangeLog>(sp => sp.GetRequiredService<CountingChangeLog>());
            services.AddSingleton(sp => new RecordingPublisher(sp.GetRequiredService<LocalConfigReads>()));
            services.AddSingleton<ILocalReadPublisher>(sp => sp.GetRequiredService<RecordingPublisher>());
        }
    }

    /// <summary>The silo's local reads, noting where in the TTL each config's last publication may be renewed.</summary>
    public sealed class RecordingPublisher(LocalConfigReads inner) : ILocalReadPublisher
    {
        private readonly ConcurrentDictionary<ConfigAddress, double> _renewalPoints = new();

        /// <summary>The renewal point of the config's last publication, as a fraction of its TTL.</summary>
        public double RenewalPointOf(ConfigAddress address) => _renewalPoints[address];

        public void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
        {
            var seenAt = freshUntil - Ttl;
            _renewalPoints[address] = (renewFrom - seenAt) / Ttl;
            inner.Publish(address, found, renewFrom, freshUntil);
        }

        public void Withdraw(ConfigAddress address) => inner.Withdraw(address);
    }

    /// <summary>The silo's change log, counting the questions for a config's newest change id.</summary>
    public sealed class CountingChangeLog(IChangeLog inner) : IChangeLog
    {
        private readonly ConcurrentDictionary<ConfigAddress, int> _newestIdQueries = new();

        public int NewestIdQueriesOf(ConfigAddress address) => _newestIdQueries.GetValueOrDefault(address);

        public Task<StoreResult<long?>> LatestChangeIdAsync(ConfigAddress address, CancellationToken cancellationToken)
        {
            _newestIdQueries.AddOrUpdate(address, 1, (_, n) => n + 1);
            return inner.LatestChangeIdAsync(address, cancellationToken);
        }

        public Task<StoreResult<ChangeTicket>> BeginAsync(ChangeRecord change, CancellationToken cancellationToken) =>
            inner.BeginAsync(change, cancellationToken);

        public Task<StoreResult<bool>> CommitAsync(ChangeTicket ticket, long newVersion, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.CommitAsync(ticket, newVersion, at, cancellationToken);

        public Task<StoreResult<bool>> AbortAsync(ChangeTicket ticket, CancellationToken cancellationToken) =>
            inner.AbortAsync(ticket, cancellationToken);

        public Task<StoreResult<IdempotentChange?>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken) =>
            inner.FindByIdempotencyKeyAsync(key, cancellationToken);

        public Task<StoreResult<AuditPage>> ReadHistoryAsync(ConfigAddress address, int limit, int offset, CancellationToken cancellationToken) =>
            inner.ReadHistoryAsync(address, limit, offset, cancellationToken);
    }
}
