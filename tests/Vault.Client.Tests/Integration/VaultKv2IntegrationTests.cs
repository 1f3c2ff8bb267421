using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>
/// The KV v2 client against a real server: the in-repo dev server, or the Vault named by VAULT_ADDR/VAULT_TOKEN
/// (see <see cref="VaultTargetFixture"/>). Every test works under its own keys below the per-run prefix.
/// </summary>
[Collection(VaultTargetCollection.Name)]
public sealed class VaultKv2IntegrationTests(VaultTargetFixture vault)
{
    private static JsonObject Data(string value) => new() { ["value"] = value, ["is_encrypted"] = false };

    [Fact]
    public async Task WrittenSecretReadsBackWithItsVersion()
    {
        var key = vault.Key("round-trip");

        var written = await vault.Kv2.WriteAsync(key, Data("v1"));
        var read = await vault.Kv2.ReadAsync(key);

        Assert.True(written.IsOk, written.ToString());
        Assert.Equal(1, written.Value!.Version);
        Assert.True(read.IsOk, read.ToString());
        Assert.Equal("v1", (string?)read.Value!.Data!["value"]);
        Assert.False((bool)read.Value.Data["is_encrypted"]!);
        Assert.Equal(written.Value.Version, read.Value.Metadata.Version);
        Assert.Equal(written.Value.CreatedTime, read.Value.Metadata.CreatedTime);
    }

    [Fact]
    public async Task ReadOfAMissingKeyIsNotFound()
    {
        var read = await vault.Kv2.ReadAsync(vault.Key("never-written"));

        Assert.Equal(VaultOutcome.NotFound, read.Outcome);
    }

    [Fact]
    public async Task CreateOnlyWriteSucceedsOnceThenReportsCasMismatch()
    {
        var key = vault.Key("create-only");

        var first = await vault.Kv2.WriteAsync(key, Data("a"), cas: 0);
        var second = await vault.Kv2.WriteAsync(key, Data("b"), cas: 0);

        Assert.True(first.IsOk, first.ToString());
        Assert.Equal(VaultOutcome.CasMismatch, second.Outcome);
        Assert.Equal("a", (string?)(await vault.Kv2.ReadAsync(key)).Value!.Data!["value"]);
    }

    [Fact]
    public async Task WriteWithTheCurrentVersionSucceedsAndAStaleVersionMismatches()
    {
        var key = vault.Key("cas");
        await vault.Kv2.WriteAsync(key, Data("a"));

        var current = await vault.Kv2.WriteAsync(key, Data("b"), cas: 1);
        var stale = await vault.Kv2.WriteAsync(key, Data("c"), cas: 1);

        Assert.Equal(2, current.Value!.Version);
        Assert.Equal(VaultOutcome.CasMismatch, stale.Outcome);
    }

    [Fact]
    public async Task MaxVersionsKeepsOnlyTheNewestVersions()
    {
        var key = vault.Key("max-versions");
        Assert.True((await vault.Kv2.WriteMetadataAsync(key, new KvMetadataUpdate(MaxVersions: 2))).IsOk);

        for (var i = 1; i <= 3; i++)
        {
            Assert.True((await vault.Kv2.WriteAsync(key, Data($"v{i}"))).IsOk);
        }

        var metadata = (await vault.Kv2.ReadMetadataAsync(key)).Value!;
        Assert.Equal((3L, 2L, 2), (metadata.CurrentVersion, metadata.OldestVersion, metadata.MaxVersions));
        Assert.Equal([2L, 3L], metadata.Versions.Keys.Order());
        Assert.Equal(VaultOutcome.NotFound, (await vault.Kv2.ReadAsync(key, version: 1)).Outcome);
        Assert.Equal("v2", (string?)(await vault.Kv2.ReadAsync(key, version: 2)).Value!.Data!["value"]);
    }

    [Fact]
    public async Task ListShowsKeysAndSubFoldersAndAnEmptyFolderIsEmpty()
    {
        await vault.Kv2.WriteAsync(vault.Key("folder", "a"), Data("a"));
        await vault.Kv2.WriteAsync(vault.Key("folder", "sub", "b"), Data("b"));

        var listed = await vault.Kv2.ListAsync(vault.Key("folder"));
        var empty = await vault.Kv2.ListAsync(vault.Key("no-such-folder"));

        Assert.Equal(["a", "sub/"], listed.Value!);
        Assert.True(empty.IsOk, empty.ToString());
        Assert.Empty(empty.Value!);
    }

    [Fact]
    public async Task DeletingMetadataRemovesEveryVersionAndAllowsCreateOnlyAgain()
    {
        var key = vault.Key("delete-metadata");
        await vault.Kv2.WriteAsync(key, Data("a"));
        await vault.Kv2.WriteAsync(key, Data("b"));

        var deleted = await vault.Kv2.DeleteMetadataAsync(key);

        Assert.True(deleted.IsOk, deleted.ToString());
        Assert.Equal(VaultOutcome.NotFound, (await vault.Kv2.ReadAsync(key)).Outcome);
        Assert.Equal(VaultOutcome.NotFound, (await vault.Kv2.ReadMetadataAsync(key)).Outcome);
        Assert.Equal(1, (await vault.Kv2.WriteAsync(key, Data("c"), cas: 0)).Value!.Version);
    }

    [Fact]
    public async Task ReadOfSoftDeletedVersionReportsVersionDeleted()
    {
        var key = vault.Key("soft-delete");
        await vault.Kv2.WriteAsync(key, Data("a"));

        Assert.True((await vault.Kv2.DeleteLatestAsync(key)).IsOk);
        var read = await vault.Kv2.ReadAsync(key);

        Assert.Equal(VaultOutcome.VersionDeleted, read.Outcome);
        Assert.Null(read.Value!.Data);
        Assert.Equal(1, read.Value.Metadata.Version);
        Assert.NotNull(read.Value.Metadata.DeletionTime);
    }

    [Fact]
    public async Task UndeleteRestoresAVersionAndDestroyMakesItVersionDestroyed()
    {
        var key = vault.Key("undelete-destroy");
        await vault.Kv2.WriteAsync(key, Data("a"));
        await vault.Kv2.DeleteVersionsAsync(key, [1]);

        Assert.True((await vault.Kv2.UndeleteVersionsAsync(key, [1])).IsOk);
        Assert.True((await vault.Kv2.ReadAsync(key)).IsOk);
        Assert.True((await vault.Kv2.DestroyVersionsAsync(key, [1])).IsOk);
        var read = await vault.Kv2.ReadAsync(key);

        Assert.Equal(VaultOutcome.VersionDestroyed, read.Outcome);
        Assert.True(read.Value!.Metadata.Destroyed);
    }

    [Fact]
    public async Task PatchMergesIntoANewVersionAndAMissingKeyIsNotFound()
    {
        var key = vault.Key("patch");
        await vault.Kv2.WriteAsync(key, new JsonObject { ["a"] = "1", ["b"] = "2" });

        var patched = await vault.Kv2.PatchAsync(key, new JsonObject { ["b"] = null, ["c"] = "3" }, cas: 1);
        var missing = await vault.Kv2.PatchAsync(vault.Key("patch-missing"), new JsonObject { ["a"] = "1" });

        Assert.Equal(2, patched.Value!.Version);
        var data = (await vault.Kv2.ReadAsync(key)).Value!.Data!;
        Assert.Equal("""{"a":"1","c":"3"}""", data.ToJsonString());
        Assert.Equal(VaultOutcome.NotFound, missing.Outcome);
    }
}
