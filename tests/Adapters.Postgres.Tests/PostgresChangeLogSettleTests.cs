namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresChangeLogSettleTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{

    [Fact]
    public async Task BeginRecordsAPendingIntentThatIsTheLatestChangeButNotYetHistory()
    {
        var change = Changes.Record(Changes.NewAddress());

        var begun = await Log.BeginAsync(change, CancellationToken.None);

        Assert.Equal(StoreOutcome.Ok, begun.Outcome);
        Assert.Equal(change.EventId, begun.Value.EventId);
        Assert.Equal("pending", await StateOfAsync(begun.Value));
        Assert.Equal(begun.Value.Id, (await Log.LatestChangeIdAsync(change.Address, CancellationToken.None)).Value);
        Assert.Equal(0, (await Log.ReadHistoryAsync(change.Address, 10, 0, CancellationToken.None)).Value!.Total);
    }

    [Fact]
    public async Task CommitMakesTheIntentAHistoryEntryWithTheVersionAndTimeOfTheCommit()
    {
        var change = Changes.Record(Changes.NewAddress(), newVersion: 2);
        var ticket = await Log.BeginOkAsync(change);
        var at = new DateTimeOffset(2026, 5, 6, 9, 10, 11, 123, TimeSpan.FromHours(2));

        var committed = await Log.CommitAsync(ticket, 7, at, CancellationToken.None);

        Assert.Equal(StoreResult<bool>.Ok(true), committed);
        var history = (await Log.ReadHistoryAsync(change.Address, 10, 0, CancellationToken.None)).Value!;
        var entry = Assert.Single(history.Entries);
        Assert.Equal(new AuditEntry(ticket.Id, change with { NewVersion = 7, At = at }), entry);
        Assert.NotNull(await Database.ScalarAsync<DateTime?>(
            "SELECT committed_at FROM config_changes WHERE id = @id", new NpgsqlParameter<long>("id", ticket.Id)));
    }

    [Fact]
    public async Task CommittingTwiceIsOkAndKeepsTheFirstCommit()
    {
        var change = Changes.Record(Changes.NewAddress());
        var ticket = await Log.BeginOkAsync(change);
        await Log.CommitAsync(ticket, 3, Changes.At, CancellationToken.None);

        var again = await Log.CommitAsync(ticket, 9, Changes.At.AddHours(1), CancellationToken.None);

        Assert.Equal(StoreResult<bool>.Ok(false), again);
        var entry = Assert.Single((await Log.ReadHistoryAsync(change.Address, 10, 0, CancellationToken.None)).Value!.Entries);
        Assert.Equal((3, Changes.At), (entry.Change.NewVersion, entry.Change.At));
    }

    [Fact]
    public async Task CommittingAnAbortedIntentIsAConflictAndAddsNoHistory()
    {
        var change = Changes.Record(Changes.NewAddress());
        var ticket = await Log.AbortedAsync(change);

        var committed = await Log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None);

        Assert.Equal(StoreOutcome.Conflict, committed.Outcome);
        Assert.Equal("aborted", await StateOfAsync(ticket));
        Assert.Equal(0, (await Log.ReadHistoryAsync(change.Address, 10, 0, CancellationToken.None)).Value!.Total);
    }

    [Fact]
    public async Task AbortingTwiceIsOk()
    {
        var ticket = await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));

        var first = await Log.AbortAsync(ticket, CancellationToken.None);
        var second = await Log.AbortAsync(ticket, CancellationToken.None);

        Assert.Equal(StoreResult<bool>.Ok(true), first);
        Assert.Equal(StoreResult<bool>.Ok(false), second);
        Assert.Equal("aborted", await StateOfAsync(ticket));
    }

    [Fact]
    public async Task AbortingACommittedChangeIsAConflictAndKeepsItInHistory()
    {
        var change = Changes.Record(Changes.NewAddress());
        var ticket = await Log.CommittedAsync(change);

        var aborted = await Log.AbortAsync(ticket, CancellationToken.None);

        Assert.Equal(StoreOutcome.Conflict, aborted.Outcome);
        Assert.Equal("committed", await StateOfAsync(ticket));
    }

    [Fact]
    public async Task SettlingATicketTheLogDoesNotKnowIsNotFound()
    {
        var real = await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));
        ChangeTicket[] unknown = [new(long.MaxValue, Guid.NewGuid()), real with { EventId = Guid.NewGuid() }];

        foreach (var ticket in unknown)
        {
            Assert.Equal(StoreOutcome.NotFound, (await Log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None)).Outcome);
            Assert.Equal(StoreOutcome.NotFound, (await Log.AbortAsync(ticket, CancellationToken.None)).Outcome);
        }

        Assert.Equal("pending", await StateOfAsync(real));
    }

    [Fact]
    public async Task BeginningTheSameEventTwiceIsAConflict()
    {
        var change = Changes.Record(Changes.NewAddress());
        await Log.BeginOkAsync(change);

        var again = await Log.BeginAsync(change, CancellationToken.None);

        Assert.Equal(StoreOutcome.Conflict, again.Outcome);
    }

    private Task<string?> StateOfAsync(ChangeTicket ticket) =>
        Database.ScalarAsync<string>("SELECT state FROM config_changes WHERE id = @id", new NpgsqlParameter<long>("id", ticket.Id));
}
