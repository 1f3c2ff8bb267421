using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>LIST semantics: byte order, folders, list=true equivalence, exclude_deleted, data/ lists.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2ListTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task KeysAreSortedByUtf8BytesNotCulture()
    {
        string folder = SharedVault.UniqueKey("order");
        foreach (string key in new[] { "b", "B", "a-z", "a", "Z/x", "é", "_" })
        {
            await Http.PostAsync($"/v1/secret/data/{folder}/{Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal)}", """{"data":{}}""");
        }

        VaultReply reply = await Http.ListAsync($"/v1/secret/metadata/{folder}/");

        Assert.Equal(["B", "Z/", "_", "a", "a-z", "b", "é"], Keys(reply));
    }

    [Fact]
    public async Task GetWithListTrueIsTheSameAsTheListMethod()
    {
        string folder = SharedVault.UniqueKey("same");
        await Http.PostAsync($"/v1/secret/data/{folder}/one", """{"data":{}}""");

        VaultReply viaList = await Http.ListAsync($"/v1/secret/metadata/{folder}");
        VaultReply viaGet = await Http.GetAsync($"/v1/secret/metadata/{folder}?list=true");

        Assert.Equal(BodyNormaliser.Normalise(viaList.Text), BodyNormaliser.Normalise(viaGet.Text));
        Assert.Equal(["one"], Keys(viaGet));
    }

    [Fact]
    public async Task AnUnparsableListParameterIsAnEmptyErrors400()
    {
        VaultReply reply = await Http.GetAsync("/v1/secret/metadata/x?list=maybe");

        ContractAssert.MatchesFixture(reply, 400, "sys-health-bad-param-400.json");
    }

    [Fact]
    public async Task ExcludeDeletedDropsKeysWhoseCurrentVersionIsDeletedButKeepsFolders()
    {
        string folder = SharedVault.UniqueKey("excl");
        await Http.PostAsync($"/v1/secret/data/{folder}/live", """{"data":{}}""");
        await Http.PostAsync($"/v1/secret/data/{folder}/gone", """{"data":{}}""");
        await Http.PostAsync($"/v1/secret/data/{folder}/sub/gone", """{"data":{}}""");
        await Http.DeleteAsync($"/v1/secret/data/{folder}/gone");
        await Http.DeleteAsync($"/v1/secret/data/{folder}/sub/gone");

        VaultReply all = await Http.ListAsync($"/v1/secret/metadata/{folder}");
        VaultReply live = await Http.ListAsync($"/v1/secret/metadata/{folder}?exclude_deleted=true");

        Assert.Equal(["gone", "live", "sub/"], Keys(all));
        Assert.Equal(["live", "sub/"], Keys(live));
    }

    [Fact]
    public async Task ListingTheMountRootListsTopLevelEntries()
    {
        await using RunningVault own = await RunningVault.StartAsync();
        await own.Http.PostAsync("/v1/secret/data/app/db", """{"data":{}}""");
        await own.Http.PostAsync("/v1/secret/data/top", """{"data":{}}""");

        Assert.Equal(["app/", "top"], Keys(await own.Http.ListAsync("/v1/secret/metadata")));
        Assert.Equal(["app/", "top"], Keys(await own.Http.GetAsync("/v1/secret/metadata/?list=1")));
    }

    [Fact]
    public async Task ListingADataPathIsTheInvalidPathWarningForList()
    {
        VaultReply reply = await Http.ListAsync("/v1/secret/data/folder");

        Assert.Equal(404, reply.Status);
        Assert.Contains("use 'vault kv list' for this operation.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("", reply.Json.GetProperty("mount_type").GetString());
    }

    [Fact]
    public async Task AMultiSegmentMountRoutesLikeAnyOther()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/team/kv/data/{key}", """{"data":{"where":"team"}}""");

        VaultReply reply = await Http.GetAsync($"/v1/team/kv/data/{key}");

        Assert.Equal("team", reply.Json.GetProperty("data").GetProperty("data").GetProperty("where").GetString());
        Assert.Equal(404, (await Http.GetAsync($"/v1/secret/data/{key}")).Status);
    }

    private static List<string> Keys(VaultReply reply)
    {
        Assert.Equal(200, reply.Status);
        return [.. reply.Json.GetProperty("data").GetProperty("keys").EnumerateArray().Select(k => k.GetString()!)];
    }
}
