using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Replays the contract's cross-cutting error fixtures (§2): tokens, policies, routing, methods, JSON.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class CrossCuttingContractTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task MissingTokenIsPermissionDenied()
    {
        VaultReply reply = await Http.GetAsync("/v1/secret/data/app", token: null);

        ContractAssert.MatchesFixture(reply, 403, "permission-denied-missing-token-403.json");
    }

    [Fact]
    public async Task UnknownTokenIsPermissionDeniedAndInvalidToken()
    {
        VaultReply reply = await Http.GetAsync("/v1/secret/data/app", token: "hvs.unknown");

        ContractAssert.MatchesFixture(reply, 403, "invalid-token-403.json");
    }

    [Fact]
    public async Task ATokenWhosePolicyDeniesGetsTheMultierrorPermissionDenied()
    {
        VaultReply reply = await Http.GetAsync("/v1/secret/data/app", token: RunningVault.DenyToken);

        ContractAssert.MatchesFixture(reply, 403, "permission-denied-policy-403.json");
    }

    [Fact]
    public async Task AReadOnlyTokenMayReadButNotWrite()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");

        VaultReply read = await Http.GetAsync($"/v1/secret/data/{key}", token: RunningVault.ReadToken);
        VaultReply write = await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""", token: RunningVault.ReadToken);

        Assert.Equal(200, read.Status);
        ContractAssert.MatchesFixture(write, 403, "permission-denied-policy-403.json");
    }

    [Fact]
    public async Task APathUnderNoMountHasNoHandlerForTheRootToken()
    {
        VaultReply reply = await Http.GetAsync("/v1/nomount/data/app");

        ContractAssert.MatchesFixture(reply, 404, "no-handler-404.json");
    }

    [Fact]
    public async Task AnOperationThePathDoesNotImplementIsUnsupported()
    {
        VaultReply reply = await Http.DeleteAsync("/v1/secret/config");

        ContractAssert.MatchesFixture(reply, 405, "unsupported-operation-405.json");
    }

    [Theory]
    [InlineData("COPY")]
    [InlineData("OPTIONS")]
    public async Task AnUnknownHttpMethodIsMethodNotAllowed(string method)
    {
        VaultReply reply = await Http.SendAsync(method, "/v1/secret/data/app");

        ContractAssert.MatchesFixture(reply, 405, "method-not-allowed-405.json");
    }

    [Fact]
    public async Task MalformedJsonAnswers500WithGosTokenizerMessage()
    {
        VaultReply reply = await Http.PostAsync("/v1/secret/data/app", """{"data":{}}"x" """);

        ContractAssert.MatchesFixture(reply, 500, "malformed-json-500.json");
    }

    [Fact]
    public async Task TheRootTokenLooksItselfUp()
    {
        VaultReply reply = await Http.GetAsync("/v1/auth/token/lookup-self");

        ContractAssert.MatchesFixture(reply, 200, "token-lookup-self-root-200.json");
    }

    [Fact]
    public async Task EvenADenyAllTokenMayLookItselfUpThroughTheDefaultPolicy()
    {
        VaultReply reply = await Http.GetAsync("/v1/auth/token/lookup-self", token: RunningVault.DenyToken);

        Assert.Equal(200, reply.Status);
        Assert.Equal(RunningVault.DenyToken, reply.Json.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task InternalUiMountsDescribesTheEnclosingKvMount()
    {
        VaultReply reply = await Http.GetAsync("/v1/sys/internal/ui/mounts/secret/app/db");

        ContractAssert.MatchesFixture(reply, 200, "sys-internal-ui-mounts-kv2-200.json");
    }

    [Theory]
    [InlineData("nomount", VaultHttp.Root)]
    [InlineData("secret", RunningVault.DenyToken)]
    public async Task InternalUiMountsAnswersThePreflight403ForUnknownMountsOrNoAccess(string path, string token)
    {
        VaultReply reply = await Http.GetAsync($"/v1/sys/internal/ui/mounts/{path}", token);

        Assert.Equal(403, reply.Status);
        Assert.Contains($"grant access to path \\\"{path}/\\\"", reply.Text, StringComparison.Ordinal);
        if (path == "nomount")
        {
            ContractAssert.MatchesFixture(reply, 403, "sys-internal-ui-mounts-403.json");
        }
    }
}
