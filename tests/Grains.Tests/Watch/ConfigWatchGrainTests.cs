using System.Threading.Channels;
using ConfigCluster.Client;
using ConfigCluster.Grains.Interfaces.Watch;

namespace ConfigCluster.Grains.Tests.Watch;

/// <summary>
/// In-cluster watchers (through the client library's ConfigClient) are told of each acknowledged
/// change: of one key, or of every key of a service.
/// </summary>
public sealed class ConfigWatchGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan WithinOneSecond = TimeSpan.FromSeconds(1);
    private readonly ConfigClient _client = new(fixture.Grains);

    [Fact]
    public async Task WatcherOfAKeyIsNotifiedWithinOneSecondOfTheAcknowledgement()
    {
        var address = TestChanges.NewAddress();
        var notifications = Channel.CreateUnbounded<ConfigChangeNotification>();
        await using var watch = await _client.WatchAsync(address, n => notifications.Writer.WriteAsync(n).AsTask());

        var created = await _client.CreateAsync(address, "v1", isEncrypted: true, TestChanges.Context);
        var first = await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond);
        var updated = await _client.UpdateAsync(address, "v2", null, TestChanges.Context);
        var second = await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond);
        await _client.DeleteAsync(address, TestChanges.Context);
        var third = await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond);

        Assert.Equal(ConfigOutcome.Created, created.Outcome);
        Assert.Equal((ConfigChangeKind.Created, 1L, address), (first.Kind, first.Version, first.Address));
        Assert.Equal((ConfigChangeKind.Updated, updated.Entry!.Version), (second.Kind, second.Version));
        Assert.Equal(ConfigChangeKind.Deleted, third.Kind);
    }

    [Fact]
    public async Task WatcherOfAServiceHearsEveryKeyOfItAndNothingElse()
    {
        var a = TestChanges.NewAddress("a");
        var b = a with { Key = "b" };
        var otherService = a with { ServiceName = "other" };
        var notifications = Channel.CreateUnbounded<ConfigChangeNotification>();
        await using var watch = await _client.WatchServiceAsync(a.Environment, a.ServiceName, n => notifications.Writer.WriteAsync(n).AsTask());

        await _client.CreateAsync(otherService, "x", false, TestChanges.Context);
        await _client.CreateAsync(a, "1", false, TestChanges.Context);
        await _client.CreateAsync(b, "2", false, TestChanges.Context);

        var heard = new[]
        {
            await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond),
            await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond),
        };
        Assert.Equal([a, b], heard.Select(n => n.Address));
    }

    [Fact]
    public async Task WatcherOfOneKeyDoesNotHearItsNeighbours()
    {
        var watched = TestChanges.NewAddress("watched");
        var neighbour = watched with { Key = "neighbour" };
        var notifications = Channel.CreateUnbounded<ConfigChangeNotification>();
        await using var watch = await _client.WatchAsync(watched, n => notifications.Writer.WriteAsync(n).AsTask());

        await _client.CreateAsync(neighbour, "n", false, TestChanges.Context);
        await _client.CreateAsync(watched, "w", false, TestChanges.Context);

        var heard = await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond);
        Assert.Equal(watched, heard.Address);
    }

    [Fact]
    public async Task RefusedWriteNotifiesNobody()
    {
        var address = TestChanges.NewAddress();
        await _client.CreateAsync(address, "v1", false, TestChanges.Context);
        var notifications = Channel.CreateUnbounded<ConfigChangeNotification>();
        await using var watch = await _client.WatchAsync(address, n => notifications.Writer.WriteAsync(n).AsTask());

        var refused = await _client.CreateAsync(address, "again", false, TestChanges.Context);
        await _client.UpdateAsync(address, "v2", null, TestChanges.Context);

        var heard = await notifications.Reader.ReadAsync().AsTask().WaitAsync(WithinOneSecond);
        Assert.Equal(ConfigOutcome.AlreadyExists, refused.Outcome);
        Assert.Equal((ConfigChangeKind.Updated, 2L), (heard.Kind, heard.Version));
    }
}
