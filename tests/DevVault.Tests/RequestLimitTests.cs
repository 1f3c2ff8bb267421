using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Body size and JSON limits (Vault ≥ 1.20.3 era: 500 with the limit's message).</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class RequestLimitTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task ABodyOver32MebibytesIsRequestTooLarge()
    {
        string body = "{\"data\":{\"big\":\"" + new string('x', (32 * 1024 * 1024) + 1) + "\"}}";

        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", body);

        Assert.Equal(413, reply.Status);
        Assert.Equal("{\"errors\":[\"http: request body too large\"]}\n", reply.Text);
    }

    [Theory]
    [InlineData("{\"data\":{\"a\":1,\"a\":2}}", "duplicate key 'a' in object")]
    [InlineData("{\"data\":{\"a\":tru}}", "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{\"data\":{\"a\" 1}}", "invalid character '1' after object key")]
    [InlineData("{\"data\":[1,]}", "invalid character ']' looking for beginning of value")]
    [InlineData("{\"data\":{\"a\":1}", "malformed JSON, unclosed containers")]
    [InlineData("{\"data\":{\"a\":\"b", "unexpected end of JSON input")]
    public async Task MalformedOrDuplicatedJsonIsA500WithGosMessage(string body, string message)
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", body);

        Assert.Equal(500, reply.Status);
        Assert.Equal(message, reply.Json.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task NestingDeeperThan500IsRefused()
    {
        string body = "{\"data\":" + new string('[', 500) + new string(']', 500) + "}";

        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", body);

        Assert.Equal(500, reply.Status);
        Assert.Equal("JSON input exceeds allowed nesting depth", reply.Json.GetProperty("errors")[0].GetString());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    public async Task ValidJsonThatIsNotAnObjectIsErrorParsingJson(string body)
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", body);

        ContractAssert.MatchesFixture(reply, 400, "malformed-json-400.json");
    }

    [Fact]
    public async Task AnEmptyBodyMeansNoData()
    {
        ContractAssert.MatchesFixture(await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", ""), 400, "kv2-write-no-data-400.json");
    }
}
