using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>The check-and-set algorithm of the KV v2 plugin (validateCheckAndSetOption).</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2CasContractTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task WriteWithStaleCasIsRefusedWithTheContractsMessage()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");

        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":1},"data":{"a":"3"}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-mismatch-400.json");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"x\"")]
    [InlineData("{}")]
    public async Task UnparsableCasIsAParseError(string cas)
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", "{\"options\":{\"cas\":" + cas + "},\"data\":{}}");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-parse-400.json");
    }

    [Fact]
    public async Task KeyLevelCasRequiredRefusesWritesWithoutCas()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"cas_required":true}""");

        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-required-400.json");
    }

    [Fact]
    public async Task CasZeroCreatesOnlyWhenTheKeyHasNoMetadata()
    {
        string key = SharedVault.UniqueKey();

        VaultReply created = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":0},"data":{"a":"1"}}""");
        VaultReply again = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":0},"data":{"a":"2"}}""");

        Assert.Equal(200, created.Status);
        Assert.Equal(400, again.Status);
        Assert.Contains("did not match the current version", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasAcceptsTheCurrentVersionAsNumberOrNumericString()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");

        VaultReply asNumber = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":1},"data":{"a":"2"}}""");
        VaultReply asString = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":"2"},"data":{"a":"3"}}""");

        Assert.Equal(2, asNumber.Json.GetProperty("data").GetProperty("version").GetInt32());
        Assert.Equal(3, asString.Json.GetProperty("data").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CasZeroFailsOnceAllVersionsAreSoftDeletedBecauseTheCurrentVersionRemains()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.DeleteAsync($"/v1/secret/data/{key}");

        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{key}", """{"options":{"cas":0},"data":{"a":"2"}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-mismatch-400.json");
    }

    [Fact]
    public async Task NegativeCasNeverMatches()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"options":{"cas":-1},"data":{}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-mismatch-400.json");
    }

    [Fact]
    public async Task PatchChecksExistenceBeforeCasSoAMissingKeyIsAnEmpty404()
    {
        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"options":{"cas":0},"data":{"a":"1"}}""");

        ContractAssert.EmptyJson(reply, 404);
    }

    [Fact]
    public async Task PatchWithStaleCasIsRefused()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");

        VaultReply reply = await Http.PatchAsync($"/v1/secret/data/{key}", """{"options":{"cas":0},"data":{"a":"2"}}""");

        ContractAssert.MatchesFixture(reply, 400, "kv2-write-cas-mismatch-400.json");
    }
}
