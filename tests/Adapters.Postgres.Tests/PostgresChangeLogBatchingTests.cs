using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

/// <summary>
/// Intents and commits of concurrent writes are group-committed (several statements, one transaction):
/// each caller still gets its own answer, exactly as if its statement had run alone.
/// </summary>
public sealed class PostgresChangeLogBatchingTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{
    [Fact]
    public async Task ConcurrentIntentsEachGetTheirOwnTicket()
    {
        var changes = Enumerable.Range(0, 200).Select(_ => Changes.Record(Changes.NewAddress())).ToList();

        var begun = await Task.WhenAll(changes.Select(c => Log.BeginAsync(c, CancellationToken.None)));

        Assert.All(begun, b => Assert.Equal(StoreOutcome.Ok, b.Outcome));
        Assert.Equal(changes.Select(c => c.EventId), begun.Select(b => b.Value.EventId));
        Assert.Equal(200, begun.Select(b => b.Value.Id).Distinct().Count());
        Assert.Equal(200, await CountAsync("state = 'pending' AND event_id = ANY(@ids)", changes.Select(c => c.EventId).ToArray()));
    }

    [Fact]
    public async Task TheSameIntentSentTwiceAtOnceIsRecordedOnceAndTheOtherIsAConflict()
    {
        var changes = Enumerable.Range(0, 50).Select(_ => Changes.Record(Changes.NewAddress())).ToList();

        var begun = await Task.WhenAll(changes.SelectMany(c => new[] { c, c }).Select(c => Log.BeginAsync(c, CancellationToken.None)));

        foreach (var pair in begun.Chunk(2))
        {
            Assert.Equal(new[] { StoreOutcome.Conflict, StoreOutcome.Ok }.Order(), pair.Select(b => b.Outcome).Order());
        }

        Assert.Equal(50, await CountAsync("event_id = ANY(@ids)", changes.Select(c => c.EventId).ToArray()));
    }

    [Fact]
    public async Task ConcurrentCommitsAreEachAnsweredAndAllRecorded()
    {
        var changes = Enumerable.Range(0, 100).Select(_ => Changes.Record(Changes.NewAddress())).ToList();
        var tickets = await Task.WhenAll(changes.Select(c => Log.BeginOkAsync(c)));

        var committed = await Task.WhenAll(tickets.Select(t => Log.CommitAsync(t, 3, Changes.At, CancellationToken.None)));
        var again = await Log.CommitAsync(tickets[0], 3, Changes.At, CancellationToken.None);

        Assert.All(committed, c => Assert.Equal((StoreOutcome.Ok, true), (c.Outcome, c.Value)));
        Assert.Equal((StoreOutcome.Ok, false), (again.Outcome, again.Value));
        Assert.Equal(100, await CountAsync("state = 'committed' AND new_version = 3 AND event_id = ANY(@ids)", changes.Select(c => c.EventId).ToArray()));
    }

    [Fact]
    public async Task ACallerThatGaveUpBeforeItsBatchWasSentIsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Log.BeginAsync(Changes.Record(Changes.NewAddress()), cancelled.Token));
    }

    [Fact]
    public async Task AChangeLogDisposedAfterAnIntentHasAnsweredIt()
    {
        var services = Database.CreateServices();
        var change = Changes.Record(Changes.NewAddress());
        var begun = services.GetRequiredService<IChangeLog>().BeginAsync(change, CancellationToken.None);

        await services.DisposeAsync();

        Assert.Equal(StoreOutcome.Ok, (await begun).Outcome);
    }

    private async Task<long> CountAsync(string where, Guid[] ids)
    {
        await using var connection = await Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM config_changes WHERE {where}", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", ids));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
