namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresChangeLogHistoryTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{

    [Fact]
    public async Task HistoryListsOnlyCommittedChangesNewestFirstInPagesWithTheirTotal()
    {
        var address = Changes.NewAddress();
        List<long> committed = [];
        for (var version = 1; version <= 5; version++)
        {
            committed.Add((await Log.CommittedAsync(Changes.Record(address, oldVersion: version - 1, newVersion: version))).Id);
        }

        await Log.AbortedAsync(Changes.Record(address));
        await Log.BeginOkAsync(Changes.Record(address));

        Assert.Equal([committed[4], committed[3]], await PageAsync(address, 2, 0));
        Assert.Equal([committed[2], committed[1]], await PageAsync(address, 2, 2));
        Assert.Equal([committed[0]], await PageAsync(address, 2, 4));
        Assert.Empty(await PageAsync(address, 2, 10));
        Assert.Equal(5, (await Log.ReadHistoryAsync(address, 2, 10, CancellationToken.None)).Value!.Total);
    }

    [Fact]
    public async Task HistoryOfAConfigLeavesOutTheOtherKeysOfItsService()
    {
        var address = Changes.NewAddress();
        var sibling = address with { Key = "other.key" };
        var mine = await Log.CommittedAsync(Changes.Record(address));
        await Log.CommittedAsync(Changes.Record(sibling));

        var history = (await Log.ReadHistoryAsync(address, 10, 0, CancellationToken.None)).Value!;

        Assert.Equal(1, history.Total);
        Assert.Equal(mine.Id, Assert.Single(history.Entries).Id);
    }

    [Fact]
    public async Task LatestChangeIdIgnoresAbortedIntentsButCountsPendingOnes()
    {
        var address = Changes.NewAddress();
        var committed = await Log.CommittedAsync(Changes.Record(address));
        await Log.AbortedAsync(Changes.Record(address));

        Assert.Equal(committed.Id, (await Log.LatestChangeIdAsync(address, CancellationToken.None)).Value);

        var pending = await Log.BeginOkAsync(Changes.Record(address));
        Assert.Equal(pending.Id, (await Log.LatestChangeIdAsync(address, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task LatestChangeIdIsNullForAConfigWithoutChanges()
    {
        var latest = await Log.LatestChangeIdAsync(Changes.NewAddress(), CancellationToken.None);

        Assert.Equal(StoreResult<long?>.Ok(null), latest);
    }

    private async Task<long[]> PageAsync(ConfigAddress address, int limit, int offset)
    {
        var page = await Log.ReadHistoryAsync(address, limit, offset, CancellationToken.None);
        Assert.True(page.IsOk, page.Detail);
        return [.. page.Value!.Entries.Select(entry => entry.Id)];
    }
}
