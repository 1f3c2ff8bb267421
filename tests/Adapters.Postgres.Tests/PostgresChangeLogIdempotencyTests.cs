namespace ConfigCluster.Adapters.Postgres.Tests;

/// <summary>
/// Idempotency keys in the change log: an intent claims its key in the same statement that records it; a key
/// is found with its change for 24 hours; a key whose change was aborted, or that expired, can be claimed again.
/// </summary>
public sealed class PostgresChangeLogIdempotencyTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{
    [Fact]
    public async Task AnIntentWithAKeyIsFoundByItWithItsFingerprintAndState()
    {
        var change = Keyed(Changes.NewAddress(), "k-found", "update|a/b/c|keep|alice");
        var ticket = await Log.BeginOkAsync(change);

        var found = (await Log.FindByIdempotencyKeyAsync("k-found", CancellationToken.None)).Value!;

        Assert.Equal(("update|a/b/c|keep|alice", ticket, ChangeState.Pending, false),
            (found.Fingerprint, found.Ticket, found.State, found.Superseded));
        Assert.Equal(change with { Idempotency = null }, found.Change);
    }

    [Fact]
    public async Task AnUnknownKeyIsNotFound()
    {
        var found = await Log.FindByIdempotencyKeyAsync("k-never-used", CancellationToken.None);

        Assert.Equal(StoreResult<IdempotentChange?>.Ok(null), found);
    }

    [Fact]
    public async Task ASecondIntentWithAKeyThatIsHeldIsRefusedAndNotRecorded()
    {
        var address = Changes.NewAddress();
        await Log.CommittedAsync(Keyed(address, "k-held"));
        var second = Keyed(address, "k-held");

        var begun = await Log.BeginAsync(second, CancellationToken.None);

        Assert.Equal(StoreOutcome.Conflict, begun.Outcome);
        Assert.Equal(0, await Database.ScalarAsync<long>($"SELECT count(*) FROM config_changes WHERE event_id = '{second.EventId}'"));
    }

    [Fact]
    public async Task AKeyWhoseChangeWasAbortedIsClaimedByTheNextIntent()
    {
        var address = Changes.NewAddress();
        await Log.AbortedAsync(Keyed(address, "k-aborted"));

        var next = await Log.BeginOkAsync(Keyed(address, "k-aborted"));

        Assert.Equal(next, (await Log.FindByIdempotencyKeyAsync("k-aborted", CancellationToken.None)).Value!.Ticket);
    }

    [Fact]
    public async Task AKeyPastItsRetentionIsNotFoundAndCanBeClaimedAgain()
    {
        var address = Changes.NewAddress();
        await Log.CommittedAsync(Keyed(address, "k-old"));
        await Database.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 second' WHERE idempotency_key = 'k-old'");

        var found = await Log.FindByIdempotencyKeyAsync("k-old", CancellationToken.None);
        var next = await Log.BeginAsync(Keyed(address, "k-old"), CancellationToken.None);

        Assert.Null(found.Value);
        Assert.Equal(StoreOutcome.Ok, next.Outcome);
    }

    [Fact]
    public async Task AChangeIsSupersededOnceALaterDeleteOfItsConfigIsCommitted()
    {
        var address = Changes.NewAddress();
        await Log.CommittedAsync(Keyed(address, "k-superseded", action: ChangeAction.Created));
        await Log.CommittedAsync(Changes.Record(address, ChangeAction.Deleted, oldVersion: 1, newVersion: 0));

        var found = (await Log.FindByIdempotencyKeyAsync("k-superseded", CancellationToken.None)).Value!;

        Assert.Equal((ChangeState.Committed, true), (found.State, found.Superseded));
    }

    private static ChangeRecord Keyed(ConfigAddress address, string key, string fingerprint = "fp", ChangeAction action = ChangeAction.Updated) =>
        Changes.Record(address, action, oldVersion: action == ChangeAction.Created ? 0 : 1, newVersion: action == ChangeAction.Created ? 1 : 2)
        with { Idempotency = new IdempotencyKey(key, fingerprint) };
}
