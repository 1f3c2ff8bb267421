using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Storage;

/// <summary>The storage directory's files: compaction at start, a torn or damaged journal, generations, the lock, the mounts.</summary>
public sealed class StorageFilesTests
{
    [Fact]
    public async Task AtStartTheJournalIsFoldedIntoTheSnapshotAndStartsAgainEmpty()
    {
        using var storage = new StorageFolder();
        await WriteVersionsAsync(storage, 5);
        string[] journalBeforeStart = storage.JournalLines;

        await using RunningVault vault = await storage.StartAsync();

        Assert.Equal(1 + 5, journalBeforeStart.Length);
        Assert.Equal(["""{"op":"journal","format":1,"generation":2}"""], storage.JournalLines);
        Assert.Contains("\"current_version\":5", File.ReadAllText(storage.SnapshotPath));
        Assert.Equal(5, await CurrentVersionAsync(vault.Http));
    }

    [Fact]
    public async Task ATornLastJournalLineIsIgnoredAndLaterWritesAreKept()
    {
        using var storage = new StorageFolder();
        await WriteVersionsAsync(storage, 2);
        string last = storage.JournalLines[^1];
        File.AppendAllText(storage.JournalPath, last[..(last.Length / 2)]);

        await using (RunningVault second = await storage.StartAsync())
        {
            Assert.Equal(2, await CurrentVersionAsync(second.Http));
            Assert.Equal(200, (await second.Http.PostAsync("/v1/secret/data/app", """{"data":{"n":"3"}}""")).Status);
        }

        await using RunningVault third = await storage.StartAsync();
        Assert.Equal(3, await CurrentVersionAsync(third.Http));
        Assert.Equal("3", (await third.Http.GetAsync("/v1/secret/data/app")).Json.GetProperty("data").GetProperty("data").GetProperty("n").GetString());
    }

    [Fact]
    public async Task ADamagedRecordBeforeTheLastOneStopsTheStartInsteadOfLosingWhatFollows()
    {
        using var storage = new StorageFolder();
        await WriteVersionsAsync(storage, 3);
        string[] lines = storage.JournalLines;
        lines[2] = lines[2][..20];
        File.WriteAllLines(storage.JournalPath, lines);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DevVaultServer.StartAsync(storage.Options()));

        Assert.Contains("journal.jsonl, line 3", error.Message);
    }

    [Fact]
    public async Task AJournalOfAnOlderGenerationIsNotReplayedOverANewerSnapshot()
    {
        using var storage = new StorageFolder();
        await WriteVersionsAsync(storage, 2);
        string generationOne = storage.JournalPath + ".generation-1";
        File.Copy(storage.JournalPath, generationOne);
        await WriteVersionsAsync(storage, 1);
        await (await storage.StartAsync()).DisposeAsync();

        // As if a start had crashed after writing its snapshot and before replacing the journal.
        File.Copy(generationOne, storage.JournalPath, overwrite: true);
        await using RunningVault vault = await storage.StartAsync();

        Assert.Equal(3, await CurrentVersionAsync(vault.Http));
    }

    [Fact]
    public async Task ASecondDevVaultCannotUseTheStorageWhileTheFirstRuns()
    {
        using var storage = new StorageFolder();
        await using RunningVault first = await storage.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => new DevVaultState(storage.Options()));

        Assert.Contains("Another dev Vault uses the storage", error.Message);
        Assert.Equal(200, (await first.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""")).Status);
    }

    [Fact]
    public async Task AStoredMountTheOptionsNoLongerConfigureStopsTheStartAndKeepsItsData()
    {
        using var storage = new StorageFolder();
        await using (RunningVault first = await storage.StartAsync(options => options.Mounts.Add(new DevVaultMount("kv1", 1))))
        {
            Assert.Equal(204, (await first.Http.PostAsync("/v1/kv1/app", """{"value":"kept"}""")).Status);
        }

        var missing = Assert.Throws<InvalidOperationException>(() => new DevVaultState(storage.Options()));
        var otherVersion = Assert.Throws<InvalidOperationException>(() => new DevVaultState(storage.Options(options => options.Mounts.Add(new DevVaultMount("kv1", 2)))));
        await using RunningVault configured = await storage.StartAsync(options => options.Mounts.Add(new DevVaultMount("kv1", 1)));

        Assert.Contains("mount 'kv1/', which the options do not configure", missing.Message);
        Assert.Contains("mount 'kv1/' was stored as KV v1 but is configured as KV v2", otherVersion.Message);
        Assert.Equal("kept", (await configured.Http.GetAsync("/v1/kv1/app")).Json.GetProperty("data").GetProperty("value").GetString());
    }

    /// <summary>Starts a server on the storage, adds <paramref name="count"/> versions to secret/app, and stops it.</summary>
    private static async Task WriteVersionsAsync(StorageFolder storage, int count)
    {
        await using RunningVault vault = await storage.StartAsync();
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(200, (await vault.Http.PostAsync("/v1/secret/data/app", $$$"""{"data":{"n":"{{{i}}}"}}""")).Status);
        }
    }

    private static async Task<int> CurrentVersionAsync(VaultHttp http) =>
        (await http.GetAsync("/v1/secret/metadata/app")).Json.GetProperty("data").GetProperty("current_version").GetInt32();
}
