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

    private static ConfigResult Found(bool isEncrypted) =>
        ConfigResult.Found(new ConfigEntry(Address, "value", isEncrypted, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
}
