using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests.Flags;

/// <summary>Each write of a flag changes its row, writes its audit row and announces it, or changes nothing.</summary>
public sealed class PostgresFlagStoreTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{
    private const string Definition = """{"enabled":true,"variants":{"on":true,"off":false},"default_variant":"off"}""";

    private IFlagStore Store => Services.GetRequiredService<IFlagStore>();

    [Fact]
    public async Task ACreateStoresVersionOneAndTheDefinitionAsWritten()
    {
        var key = NewKey();
        var reordered = """{"variants":{"zeta":1,"alpha":2},"default_variant":"zeta"}""";

        var created = await Store.WriteAsync(Write(FlagWriteKind.Create, key, reordered), CancellationToken.None);
        var read = await Store.ReadAsync("prod", key, CancellationToken.None);

        Assert.Equal(FlagWriteOutcome.Written, created.Outcome);
        Assert.Equal(1, created.Flag!.Version);
        Assert.Equal(reordered, read.Value!.DefinitionJson);
        Assert.Equal(created.Flag, read.Value);
    }

    [Fact]
    public async Task AnUpdateRaisesTheVersionOnlyWhenItsExpectedVersionIsCurrent()
    {
        var key = NewKey();
        await Store.WriteAsync(Write(FlagWriteKind.Create, key), CancellationToken.None);

        var stale = await Store.WriteAsync(Write(FlagWriteKind.Update, key, expected: 7), CancellationToken.None);
        var updated = await Store.WriteAsync(Write(FlagWriteKind.Update, key, """{"enabled":false}""", expected: 1), CancellationToken.None);

        Assert.Equal((FlagWriteOutcome.VersionMismatch, 1L), (stale.Outcome, stale.CurrentVersion!.Value));
        Assert.Equal(2, updated.Flag!.Version);
        Assert.Equal("""{"enabled":false}""", (await Store.ReadAsync("prod", key, CancellationToken.None)).Value!.DefinitionJson);
    }

    [Fact]
    public async Task ACreateOfAnExistingFlagAndAChangeOfAMissingOneChangeNothing()
    {
        var key = NewKey();
        await Store.WriteAsync(Write(FlagWriteKind.Create, key), CancellationToken.None);

        var again = await Store.WriteAsync(Write(FlagWriteKind.Create, key, """{"enabled":false}"""), CancellationToken.None);
        var missing = await Store.WriteAsync(Write(FlagWriteKind.Update, NewKey()), CancellationToken.None);
        var deleteMissing = await Store.WriteAsync(Write(FlagWriteKind.Delete, NewKey(), null), CancellationToken.None);

        Assert.Equal(FlagWriteOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(FlagWriteOutcome.NotFound, missing.Outcome);
        Assert.Equal(FlagWriteOutcome.NotFound, deleteMissing.Outcome);
        Assert.Equal(Definition, (await Store.ReadAsync("prod", key, CancellationToken.None)).Value!.DefinitionJson);
        Assert.Equal(1, await AuditRowsAsync(key));
    }

    [Fact]
    public async Task EveryWriteIsAuditedAsAFlagWithItsDefinitionActorAndVersions()
    {
        var key = NewKey();
        await Store.WriteAsync(Write(FlagWriteKind.Create, key), CancellationToken.None);
        await Store.WriteAsync(Write(FlagWriteKind.Update, key, """{"enabled":false}""", expected: 1), CancellationToken.None);
        await Store.WriteAsync(Write(FlagWriteKind.Delete, key, null, expected: 2), CancellationToken.None);

        var rows = await Database.ColumnAsync<string>(
            "SELECT action || ' ' || old_version || '->' || new_version || ' ' || entity || ' ' || service_name || ' ' || actor || ' ' || state " +
            "FROM config_changes WHERE key = @key ORDER BY id", new NpgsqlParameter("key", key));
        var details = await Database.ColumnAsync<bool>(
            "SELECT coalesce(details = @created::jsonb OR details = @updated::jsonb, details IS NULL AND action = 'deleted') " +
            "FROM config_changes WHERE key = @key ORDER BY id",
            new NpgsqlParameter("key", key), new NpgsqlParameter("created", Definition), new NpgsqlParameter("updated", """{"enabled":false}"""));

        Assert.Equal(["created 0->1 flag * key:ci committed", "updated 1->2 flag * key:ci committed", "deleted 2->0 flag * key:ci committed"], rows);
        Assert.Equal([true, true, true], details);
        Assert.Null((await Store.ReadAsync("prod", key, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task ListReadsOneEnvironmentInKeyOrder()
    {
        var environment = $"env-{Guid.NewGuid():N}";
        foreach (var key in new[] { "b", "a", "c" })
        {
            await Store.WriteAsync(Write(FlagWriteKind.Create, key, environment: environment), CancellationToken.None);
        }

        var listed = await Store.ListAsync(environment, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], listed.Value!.Select(f => f.Key));
        Assert.All(listed.Value!, f => Assert.Equal(environment, f.Environment));
    }

    [Fact]
    public async Task AFollowerHearsEveryWriteAfterAResyncAtStart()
    {
        using var stop = new CancellationTokenSource();
        var key = NewKey();
        var heardTwice = new TaskCompletionSource();
        var heard = 0;
        var resynced = new TaskCompletionSource();
        var following = Store.FollowChangesAsync(
            (environment, changed) =>
            {
                if ($"{environment}/{changed}" == $"prod/{key}" && Interlocked.Increment(ref heard) == 2)
                {
                    heardTwice.TrySetResult();
                }

                return Task.CompletedTask;
            },
            () =>
            {
                resynced.TrySetResult();
                return Task.CompletedTask;
            },
            stop.Token);
        await resynced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await Store.WriteAsync(Write(FlagWriteKind.Create, key), CancellationToken.None);
        await Store.WriteAsync(Write(FlagWriteKind.Delete, key, null, expected: 1), CancellationToken.None);

        await heardTwice.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await following;
    }

    private static string NewKey() => $"flag-{Guid.NewGuid():N}";

    private Task<long> AuditRowsAsync(string key) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM config_changes WHERE key = @key", new NpgsqlParameter("key", key))!;

    private static FlagWrite Write(FlagWriteKind kind, string key, string? definition = Definition, long? expected = null, string environment = "prod") =>
        new(kind, environment, key, kind == FlagWriteKind.Delete ? null : definition, expected, Guid.NewGuid(), "key:ci", "req-1", DateTimeOffset.UtcNow);
}
