using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

/// <summary>Each test starts from an empty change log (the tests of a class run one at a time).</summary>
public sealed class PostgresChangeOutboxTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{
    private IChangeOutbox Outbox => Services.GetRequiredService<IChangeOutbox>();

    public override async Task InitializeAsync()
    {
        await Database.ExecuteAsync("TRUNCATE config_changes");
        await base.InitializeAsync();
    }

    [Fact]
    public async Task UnpublishedEventsAreCommittedChangesInIdOrderUpToTheLimit()
    {
        var changes = Enumerable.Range(0, 3).Select(_ => Changes.Record(Changes.NewAddress())).ToList();
        var tickets = new List<ChangeTicket>();
        foreach (var change in changes)
        {
            tickets.Add(await Log.BeginOkAsync(change));
        }

        for (var i = tickets.Count - 1; i >= 0; i--)
        {
            await Log.CommitAsync(tickets[i], 5, Changes.At, CancellationToken.None);
        }

        var events = await Outbox.ReadUnpublishedAsync(10, CancellationToken.None);

        Assert.Equal(tickets.Select(t => t.Id), events.Select(e => e.Id));
        Assert.Equal(changes.Select(c => c with { NewVersion = 5 }), events.Select(e => e.Change));
        Assert.Equal(tickets.Take(2).Select(t => t.Id), (await Outbox.ReadUnpublishedAsync(2, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task PendingAndAbortedIntentsAreNotEvents()
    {
        await Log.AbortedAsync(Changes.Record(Changes.NewAddress()));
        var committed = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));
        await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));

        var events = await Outbox.ReadUnpublishedAsync(10, CancellationToken.None);

        Assert.Equal(committed.Id, Assert.Single(events).Id);
    }

    [Fact]
    public async Task CommittedChangesNewerThanAPendingIntentWaitUntilItIsSettled()
    {
        var before = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));
        var pendingChange = Changes.Record(Changes.NewAddress());
        var pending = await Log.BeginOkAsync(pendingChange);
        var after = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));

        var whilePending = await Outbox.ReadUnpublishedAsync(10, CancellationToken.None);
        await Log.CommitAsync(pending, 1, Changes.At, CancellationToken.None);
        var onceCommitted = await Outbox.ReadUnpublishedAsync(10, CancellationToken.None);

        Assert.Equal([before.Id], whilePending.Select(e => e.Id));
        Assert.Equal([before.Id, pending.Id, after.Id], onceCommitted.Select(e => e.Id));
    }

    [Fact]
    public async Task EventsMarkedPublishedAreNotReadAgain()
    {
        var first = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));
        var second = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));
        var third = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));

        await Outbox.MarkPublishedAsync([first.Id, second.Id], CancellationToken.None);
        await Outbox.MarkPublishedAsync([], CancellationToken.None);

        Assert.Equal(third.Id, Assert.Single(await Outbox.ReadUnpublishedAsync(10, CancellationToken.None)).Id);
        Assert.Equal(2, await Database.ScalarAsync<long>("SELECT count(*) FROM config_changes WHERE published_at IS NOT NULL"));
    }

    [Fact]
    public async Task StalePendingIntentsComeOldestFirstAndOnlyWhenOlderThanAsked()
    {
        var oldest = Changes.Record(Changes.NewAddress());
        var older = Changes.Record(Changes.NewAddress());
        var oldestTicket = await Log.BeginOkAsync(oldest);
        var olderTicket = await Log.BeginOkAsync(older);
        await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));
        var committed = await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));
        await BackdateAsync(olderTicket, TimeSpan.FromMinutes(10));
        await BackdateAsync(oldestTicket, TimeSpan.FromMinutes(20));
        await BackdateAsync(committed, TimeSpan.FromMinutes(30));

        var stale = await Outbox.ReadStalePendingAsync(TimeSpan.FromMinutes(5), 10, CancellationToken.None);

        Assert.Equal([oldestTicket, olderTicket], stale.Select(p => p.Ticket));
        Assert.Equal([oldest, older], stale.Select(p => p.Change));
        Assert.True(stale[0].RecordedAt < stale[1].RecordedAt);
        Assert.Equal([oldestTicket], (await Outbox.ReadStalePendingAsync(TimeSpan.FromMinutes(15), 10, CancellationToken.None)).Select(p => p.Ticket));
        Assert.Equal([oldestTicket], (await Outbox.ReadStalePendingAsync(TimeSpan.FromMinutes(5), 1, CancellationToken.None)).Select(p => p.Ticket));
    }

    private Task BackdateAsync(ChangeTicket ticket, TimeSpan age) =>
        Database.ExecuteAsync(
            "UPDATE config_changes SET recorded_at = now() - @age WHERE id = @id",
            new NpgsqlParameter<TimeSpan>("age", age), new NpgsqlParameter<long>("id", ticket.Id));
}
