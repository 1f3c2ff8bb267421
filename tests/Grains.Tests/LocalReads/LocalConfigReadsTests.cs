using ConfigCluster.Grains.LocalReads;
using Microsoft.Extensions.Time.Testing;

namespace ConfigCluster.Grains.Tests.LocalReads;

public sealed class LocalConfigReadsTests
{
    private static readonly ConfigAddress Address = new("prod", "svc", "key");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void APublishedAnswerIsReadUntilItsFreshnessEnds()
    {
        var reads = new LocalConfigReads(_time);
        var found = Found(isEncrypted: false);
        reads.Publish(Address, found, _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        Assert.Same(found, reads.TryRead(Address));
        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Same(found, reads.TryRead(Address));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(reads.TryRead(Address));
    }

    [Fact]
    public void OneReaderPastTheRenewalPointIsAskedToRenewAndAllAreAnswered()
    {
        var reads = new LocalConfigReads(_time);
        var found = Found(isEncrypted: false);
        reads.Publish(Address, found, _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        Assert.Same(found, reads.TryRead(Address, out var early));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Same(found, reads.TryRead(Address, out var first));
        Assert.Same(found, reads.TryRead(Address, out var second));

        Assert.Equal((false, true, false), (early, first, second));
    }

    [Fact]
    public void ANewlyPublishedAnswerCanBeRenewedAgain()
    {
        var reads = new LocalConfigReads(_time);
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(30));
        reads.TryRead(Address, out var first);

        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(30));
        reads.TryRead(Address, out var afterRepublish);

        Assert.True(first);
        Assert.True(afterRepublish);
    }

    [Fact]
    public void AWithdrawnAnswerIsNotRead()
    {
        var reads = new LocalConfigReads(_time);
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        reads.Withdraw(Address);

        Assert.Null(reads.TryRead(Address));
        Assert.Equal(0, reads.Count);
    }

    [Fact]
    public void AnEncryptedOrFailedAnswerIsRefused()
    {
        var reads = new LocalConfigReads(_time);

        Assert.Throws<ArgumentException>(() => reads.Publish(Address, Found(isEncrypted: true), _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(30)));
        Assert.Throws<ArgumentException>(() => reads.Publish(
            Address, ConfigResult.Fail(ConfigOutcome.NotFound, "not found"), _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(30)));
        Assert.Equal(0, reads.Count);
    }

    [Fact]
    public void EachPublishedAnswerIsRenderedOnceForAllItsReaders()
    {
        var renderer = new CountingRenderer();
        var reads = new LocalConfigReads(_time, renderer);
        var found = Found(isEncrypted: false);
        reads.Publish(Address, found, _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        var first = Rendered(reads);
        var second = Rendered(reads);
        reads.Publish(Address, found, _time.GetUtcNow().AddSeconds(40), _time.GetUtcNow().AddSeconds(50));
        var renewed = Rendered(reads);
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(40), _time.GetUtcNow().AddSeconds(50));
        var changed = Rendered(reads);

        Assert.Equal("rendering 1 of value", first);
        Assert.Same(first, second);
        Assert.Same(first, renewed);
        Assert.Equal("rendering 2 of value", changed);
    }

    [Fact]
    public void WithoutARendererAnAnswerIsReadButNotRendered()
    {
        var reads = new LocalConfigReads(_time);
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        Assert.Null(Rendered(reads));
        Assert.NotNull(reads.TryRead(Address));
    }

    [Fact]
    public void ARenderedAnswerIsFoundByTheNamesOfARequest()
    {
        var reads = new LocalConfigReads(_time, new CountingRenderer());
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));
        var request = "environment=prod&service_name=svc&key=key".AsSpan();

        var found = reads.TryReadRendered(request[12..16], request[30..33], request[38..], out var renew);

        Assert.Equal("rendering 1 of value", found);
        Assert.Null(renew);
    }

    [Theory]
    [InlineData("Prod", "svc", "key")]
    [InlineData("prod", "svc", "key ")]
    [InlineData("svc", "prod", "key")]
    [InlineData("prod", "svckey", "")]
    public void OnlyTheExactNamesFindARenderedAnswer(string environment, string serviceName, string key)
    {
        var reads = new LocalConfigReads(_time, new CountingRenderer());
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));

        Assert.Null(reads.TryReadRendered(environment, serviceName, key, out var renew));
        Assert.Null(renew);
    }

    [Fact]
    public void TheReaderThatIsToRenewARenderedAnswerGetsThePublishedAddress()
    {
        var reads = new LocalConfigReads(_time, new CountingRenderer());
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(20));

        reads.TryReadRendered("prod", "svc", "key", out var first);
        reads.TryReadRendered("prod", "svc", "key", out var second);

        Assert.Same(Address, first);
        Assert.Null(second);
    }

    [Fact]
    public void ARenderedAnswerIsFoundWithoutAllocating()
    {
        var reads = new LocalConfigReads(_time, new CountingRenderer());
        reads.Publish(Address, Found(isEncrypted: false), _time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(30));
        Rendered(reads);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = reads.TryReadRendered("prod", "svc", "key", out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(found);
        Assert.Equal(0, allocated);
    }

    private static object? Rendered(LocalConfigReads reads) =>
        reads.TryReadRendered(Address.Environment, Address.ServiceName, Address.Key, out _);

    private static ConfigResult Found(bool isEncrypted) =>
        ConfigResult.Found(new ConfigEntry(Address, "value", isEncrypted, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    private sealed class CountingRenderer : ILocalReadRenderer
    {
        private int _count;

        public object Render(ConfigEntry entry) => $"rendering {++_count} of {entry.Value}";
    }
}
