using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>JSON merge patch on data, metadata writes/patches and their validation.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2PatchAndMetadataTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task PatchMergesObjectsRemovesNullsAndReplacesArrays()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"keep":"k","drop":"d","list":[1,2],"obj":{"x":1,"y":2}}}""");

        VaultReply patched = await Http.PatchAsync($"/v1/secret/data/{key}", """{"data":{"drop":null,"list":[3],"obj":{"y":null,"z":3},"new":"n"}}""", "application/merge-patch+json; charset=utf-8");
        VaultReply read = await Http.GetAsync($"/v1/secret/data/{key}");

        Assert.Equal(200, patched.Status);
        Assert.Equal("""{"keep":"k","list":[3],"new":"n","obj":{"x":1,"z":3}}""", read.Json.GetProperty("data").GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task PatchWithoutContentTypeIsAMimeError()
    {
        VaultReply reply = await Http.SendAsync("PATCH", $"/v1/secret/data/{SharedVault.UniqueKey()}", """{"data":{}}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal("{\"errors\":[\"mime: no media type\"]}\n", reply.Text);
    }

    [Fact]
    public async Task PatchWithoutDataIsRefusedBeforeTheKeyLookup()
    {
        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"options":{}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-no-data-400.json");
    }

    [Fact]
    public async Task MetadataWriteStoresSettingsAndReplacesCustomMetadata()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"custom_metadata":{"a":"1","b":"2"}}""");

        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"max_versions":7,"cas_required":true,"delete_version_after":"3h25m19s","custom_metadata":{"c":3}}""");
        JsonElement metadata = await Metadata(key);

        Assert.Equal(7, metadata.GetProperty("max_versions").GetInt32());
        Assert.True(metadata.GetProperty("cas_required").GetBoolean());
        Assert.Equal("3h25m19s", metadata.GetProperty("delete_version_after").GetString());
        Assert.Equal("""{"c":"3"}""", metadata.GetProperty("custom_metadata").GetRawText());
    }

    [Fact]
    public async Task MetadataPatchMergesCustomMetadataAndNullRemovesAKey()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"custom_metadata":{"a":"1","b":"2"}}""");

        ContractAssert.EmptyJson(await Http.PatchAsync($"/v1/secret/metadata/{key}", """{"custom_metadata":{"a":null,"c":"3"},"max_versions":4}"""));
        JsonElement metadata = await Metadata(key);

        Assert.Equal("""{"b":"2","c":"3"}""", metadata.GetProperty("custom_metadata").GetRawText());
        Assert.Equal(4, metadata.GetProperty("max_versions").GetInt32());
    }

    [Fact]
    public async Task MetadataPatchOfAMissingKeyIsAnEmpty404()
    {
        ContractAssert.EmptyJson(await Http.PatchAsync($"/v1/secret/metadata/{SharedVault.UniqueKey()}", """{"max_versions":1}"""), 404);
    }

    [Fact]
    public async Task NegativeDeleteVersionAfterOnAKeyFailsFieldValidation()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/metadata/{SharedVault.UniqueKey()}", """{"delete_version_after":-60}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal(
            "{\"errors\":[\"Field validation failed: error converting input for field \\\"delete_version_after\\\": cannot provide negative value '-60'\"]}\n",
            reply.Text);
    }

    [Fact]
    public async Task CustomMetadataValidationListsEveryProblem()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/metadata/{SharedVault.UniqueKey()}", "{\"custom_metadata\":{\"\":\"x\",\"bad\\u0001\":\"y\"}}");

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("{\"errors\":[\"2 errors occurred:\\n\\t* custom_metadata validation failed: length of key \\\"\\\" is 0", reply.Text, StringComparison.Ordinal);
        Assert.Contains("key \\\"bad\\\\x01\\\" (bad\\u0001) contains unprintable characters", reply.Text, StringComparison.Ordinal);
    }

    private async Task<JsonElement> Metadata(string key) =>
        (await Http.GetAsync($"/v1/secret/metadata/{key}")).Json.GetProperty("data");
}
