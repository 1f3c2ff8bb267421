using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Replays the contract's KV v2 write/read/patch fixtures byte for byte (modulo ids and times).</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2ReadWriteContractTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task FirstWriteAnswersTheVersionOneEnvelope()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"data":{"foo":"bar"}}""");

        ContractAssert.MatchesFixture(reply, 200, "kv2-write-200.json");
    }

    [Fact]
    public async Task ReadReturnsDataMetadataAndCustomMetadata()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"old":"value"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"username":"app","password":"s3cr3t"}}""");
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"custom_metadata":{"owner":"team-a"}}""");

        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{key}");

        ContractAssert.MatchesFixture(reply, 200, "kv2-read-200.json");
    }

    [Fact]
    public async Task ReadOfANeverWrittenKeyIsAnEmptyErrorsNotFound()
    {
        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{SharedVault.UniqueKey()}");

        ContractAssert.MatchesFixture(reply, 404, "kv2-read-notfound-404.json");
    }

    [Fact]
    public async Task ReadOfASoftDeletedVersionIsA404CarryingItsMetadata()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");
        await Http.DeleteAsync($"/v1/secret/data/{key}");

        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{key}");

        ContractAssert.MatchesFixture(reply, 404, "kv2-read-deleted-404.json");
        Assert.NotEqual((byte)'\n', reply.Body[^1]);
    }

    [Fact]
    public async Task ReadOfADestroyedVersionIsA404MarkedDestroyed()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/destroy/{key}", """{"versions":[1]}""");

        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{key}?version=1");

        ContractAssert.MatchesFixture(reply, 404, "kv2-read-destroyed-404.json");
    }

    [Fact]
    public async Task UsingAVersionedMountLikeKvV1AnswersTheInvalidPathWarning()
    {
        VaultReply reply = await Http.GetAsync($"/v1/secret/{SharedVault.UniqueKey()}");

        ContractAssert.MatchesFixture(reply, 404, "kv2-read-invalid-path-404.json");
    }

    [Theory]
    [InlineData("GET", "/v1/secret/data")]
    [InlineData("GET", "/v1/secret/metadata")]
    [InlineData("POST", "/v1/secret/destroy")]
    [InlineData("DELETE", "/v1/secret/undelete")]
    public async Task NonListOperationsOnAVerbRootAnswerTheRootWarning(string method, string path)
    {
        VaultReply reply = await Http.SendAsync(method, path, method == "POST" ? "{}" : null);

        ContractAssert.MatchesFixture(reply, 404, "kv2-root-nonlist-404.json");
    }

    [Fact]
    public async Task PatchCreatesTheNextVersion()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");

        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{key}", """{"data":{"b":"3"}}""");

        ContractAssert.MatchesFixture(reply, 200, "kv2-patch-200.json");
    }

    [Fact]
    public async Task PatchWithAPlainJsonContentTypeIsUnsupportedMediaType()
    {
        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"data":{}}""", "application/json");

        ContractAssert.MatchesFixture(reply, 415, "kv2-patch-content-type-415.json");
    }

    [Fact]
    public async Task PatchOfADeletedCurrentVersionIsA404WithFlatMetadata()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");
        await Http.DeleteAsync($"/v1/secret/data/{key}");

        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{key}", """{"data":{"a":"3"}}""");

        ContractAssert.MatchesFixture(reply, 404, "kv2-patch-deleted-404.json");
    }

    [Fact]
    public async Task ANonIntegerVersionParameterFailsFieldValidation()
    {
        VaultReply reply = await Http.GetAsync($"/v1/secret/data/{SharedVault.UniqueKey()}?version=abc");

        ContractAssert.MatchesFixture(reply, 400, "kv2-field-validation-400.json");
    }

    [Fact]
    public async Task WriteWithoutDataIsRefused()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"options":{}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-no-data-400.json");
    }

    [Theory]
    [InlineData("POST", "/v1/secret/data/folder/")]
    [InlineData("PUT", "/v1/secret/data/")]
    [InlineData("PATCH", "/v1/secret/data/folder/")]
    [InlineData("POST", "/v1/secret/metadata/folder/")]
    public async Task WritesToAPathEndingInASlashAreRefused(string method, string path)
    {
        VaultReply reply = await Http.SendAsync(method, path, """{"data":{"a":"b"}}""", contentType: "application/merge-patch+json");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-trailing-slash-400.json");
    }
}
