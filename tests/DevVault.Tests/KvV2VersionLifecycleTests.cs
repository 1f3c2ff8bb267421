using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Retention, soft delete, undelete, destroy and metadata delete on KV v2.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2VersionLifecycleTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task OldestVersionStaysZeroUntilTheMaxVersionsThWriteThenSlides()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"max_versions":3}""");
        var oldest = new List<int>();
        for (int i = 1; i <= 5; i++)
        {
            await Http.PostAsync($"/v1/secret/data/{key}", "{\"data\":{\"n\":\"" + i + "\"}}");
            oldest.Add((await Metadata(key)).GetProperty("oldest_version").GetInt32());
        }

        Assert.Equal([0, 0, 1, 2, 3], oldest);
        Assert.Equal(["3", "4", "5"], (await Metadata(key)).GetProperty("versions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/data/{key}?version=2")).Status);
        Assert.Equal(200, (await Http.GetAsync($"/v1/secret/data/{key}?version=3")).Status);
    }

    [Fact]
    public async Task TenVersionsAreKeptByDefaultAndVersionKeysSortAsStrings()
    {
        string key = SharedVault.UniqueKey();
        for (int i = 1; i <= 11; i++)
        {
            await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{}}""");
        }

        JsonElement metadata = await Metadata(key);

        Assert.Equal(2, metadata.GetProperty("oldest_version").GetInt32());
        Assert.Equal(11, metadata.GetProperty("current_version").GetInt32());
        Assert.Equal(["10", "11", "2", "3", "4", "5", "6", "7", "8", "9"], metadata.GetProperty("versions").EnumerateObject().Select(p => p.Name));
        ContractAssert.MatchesFixture(await Http.GetAsync($"/v1/secret/data/{key}?version=1"), 404, "kv2-read-notfound-404.json");
    }

    [Fact]
    public async Task TheLargerOfMountAndKeyMaxVersionsWins()
    {
        await using RunningVault own = await RunningVault.StartAsync();
        await own.Http.PostAsync("/v1/secret/config", """{"max_versions":4}""");
        await own.Http.PostAsync("/v1/secret/metadata/app", """{"max_versions":2}""");
        for (int i = 1; i <= 5; i++)
        {
            await own.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""");
        }

        JsonElement metadata = (await own.Http.GetAsync("/v1/secret/metadata/app")).Json.GetProperty("data");

        Assert.Equal(2, metadata.GetProperty("oldest_version").GetInt32());
        Assert.Equal(4, metadata.GetProperty("versions").EnumerateObject().Count());
    }

    [Fact]
    public async Task SoftDeleteHidesTheLatestVersionAndUndeleteRestoresIt()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");

        ContractAssert.EmptyJson(await Http.DeleteAsync($"/v1/secret/data/{key}"));
        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/data/{key}")).Status);
        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/undelete/{key}", """{"versions":[1]}"""));
        VaultReply restored = await Http.GetAsync($"/v1/secret/data/{key}");

        Assert.Equal(200, restored.Status);
        Assert.Equal("", restored.Json.GetProperty("data").GetProperty("metadata").GetProperty("deletion_time").GetString());
    }

    [Fact]
    public async Task DeleteVersionsAcceptsACommaStringAndSkipsUnknownVersions()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");

        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/delete/{key}", """{"versions":"1,7"}"""));

        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/data/{key}?version=1")).Status);
        Assert.Equal(200, (await Http.GetAsync($"/v1/secret/data/{key}?version=2")).Status);
    }

    [Fact]
    public async Task DestroyIsIrreversibleAndKeepsTheMetadataEntry()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/destroy/{key}", """{"versions":[1]}""");
        await Http.PostAsync($"/v1/secret/undelete/{key}", """{"versions":[1]}""");

        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{key}");

        Assert.Equal(404, reply.Status);
        Assert.True(reply.Json.GetProperty("data").GetProperty("metadata").GetProperty("destroyed").GetBoolean());
        Assert.True((await Metadata(key)).GetProperty("versions").GetProperty("1").GetProperty("destroyed").GetBoolean());
    }

    [Fact]
    public async Task VersionOperationsOnAnUnknownKeyAreNoOps()
    {
        string key = SharedVault.UniqueKey();

        ContractAssert.EmptyJson(await Http.DeleteAsync($"/v1/secret/data/{key}"));
        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/delete/{key}", """{"versions":[1]}"""));
        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/undelete/{key}", """{"versions":[1]}"""));
        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/destroy/{key}", """{"versions":[1]}"""));
        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/metadata/{key}")).Status);
    }

    [Fact]
    public async Task MetadataDeleteRemovesEverythingAndTheKeyRestartsAtVersionOne()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");

        ContractAssert.EmptyJson(await Http.DeleteAsync($"/v1/secret/metadata/{key}"));
        ContractAssert.MatchesFixture(await Http.GetAsync($"/v1/secret/data/{key}"), 404, "kv2-read-notfound-404.json");
        VaultReply rewritten = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":0},"data":{"a":"3"}}""");

        Assert.Equal(1, rewritten.Json.GetProperty("data").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AKeyCreatedByMetadataOnlyHasVersionZeroAndNoData()
    {
        string key = SharedVault.UniqueKey();
        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/metadata/{key}", """{"max_versions":5}"""));

        JsonElement metadata = await Metadata(key);

        Assert.Equal(0, metadata.GetProperty("current_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, metadata.GetProperty("last_updated_by").ValueKind);
        Assert.Empty(metadata.GetProperty("versions").EnumerateObject());
        ContractAssert.MatchesFixture(await Http.GetAsync($"/v1/secret/data/{key}"), 404, "kv2-read-notfound-404.json");
    }

    [Fact]
    public async Task AMetadataWriteWithoutMetadataFieldsCreatesNothing()
    {
        string key = SharedVault.UniqueKey();

        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/secret/metadata/{key}", "{}"));

        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/metadata/{key}")).Status);
    }

    private async Task<JsonElement> Metadata(string key) =>
        (await Http.GetAsync($"/v1/secret/metadata/{key}")).Json.GetProperty("data");
}
