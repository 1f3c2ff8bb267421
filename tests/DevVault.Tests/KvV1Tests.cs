using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>KV v1 (passthrough) mounts: whole-body storage, lease hint, list, delete.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV1Tests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task WriteIs204AndReadReturnsTheStoredObjectAsData()
    {
        string key = SharedVault.UniqueKey();

        ContractAssert.EmptyJson(await Http.PostAsync($"/v1/kv1/{key}", """{"zeta":"z","alpha":1.50,"nested":{"b":2,"a":"<"}}"""));
        VaultReply reply = await Http.GetAsync($"/v1/kv1/{key}");

        Assert.Equal(200, reply.Status);
        string expected = "{\"request_id\":\"<request_id>\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":2764800,"
            + "\"data\":{\"alpha\":1.50,\"nested\":{\"a\":\"\\u003c\",\"b\":2},\"zeta\":\"z\"},"
            + "\"wrap_info\":null,\"warnings\":null,\"auth\":null,\"mount_type\":\"kv\"}\n";
        Assert.Equal(expected, BodyNormaliser.Normalise(reply.Text));
    }

    [Fact]
    public async Task ATtlFieldBecomesTheLeaseDuration()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/kv1/{key}", """{"value":"x","ttl":"1h"}""");

        VaultReply reply = await Http.GetAsync($"/v1/kv1/{key}");

        Assert.Equal(3600, reply.Json.GetProperty("lease_duration").GetInt32());
    }

    [Fact]
    public async Task AMissingSecretIsAnEmptyErrorsNotFound()
    {
        ContractAssert.MatchesFixture(await Http.GetAsync($"/v1/kv1/{SharedVault.UniqueKey()}"), 404, "kv2-read-notfound-404.json");
    }

    [Fact]
    public async Task AnEmptyWriteIsRefused()
    {
        VaultReply reply = await Http.PostAsync($"/v1/kv1/{SharedVault.UniqueKey()}", "{}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("{\"errors\":[\"missing data fields\"]}\n", reply.Text);
    }

    [Fact]
    public async Task ListShowsChildrenAndDeleteRemovesTheSecret()
    {
        string folder = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/kv1/{folder}/b", """{"v":"1"}""");
        await Http.PostAsync($"/v1/kv1/{folder}/a/deep", """{"v":"1"}""");

        VaultReply list = await Http.GetAsync($"/v1/kv1/{folder}?list=true");
        ContractAssert.EmptyJson(await Http.DeleteAsync($"/v1/kv1/{folder}/b"));

        Assert.Equal(["a/", "b"], list.Json.GetProperty("data").GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(404, (await Http.GetAsync($"/v1/kv1/{folder}/b")).Status);
    }

    [Fact]
    public async Task PatchIsNotAnOperationOfKvV1()
    {
        VaultReply reply = await Http.PatchAsync($"/v1/kv1/{SharedVault.UniqueKey()}", """{"v":"1"}""");

        ContractAssert.MatchesFixture(reply, 405, "unsupported-operation-405.json");
    }
}
