using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Auth;

/// <summary>sys/auth: the auth table, enabling and disabling methods, root only.</summary>
public sealed class SysAuthTests
{
    [Fact]
    public async Task AFreshVaultListsOnlyTheTokenStoreInDataAndAtTheTopLevel()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/auth");

        Assert.Equal(200, reply.Status);
        JsonElement token = reply.Json.GetProperty("data").GetProperty("token/");
        Assert.Equal(["token/"], reply.Json.GetProperty("data").EnumerateObject().Select(entry => entry.Name));
        Assert.Equal(token.GetRawText(), reply.Json.GetProperty("token/").GetRawText());
        Assert.Equal("token", token.GetProperty("type").GetString());
        Assert.Equal("token based credentials", token.GetProperty("description").GetString());
        Assert.StartsWith("auth_token_", token.GetProperty("accessor").GetString());
        Assert.Equal("default-service", token.GetProperty("config").GetProperty("token_type").GetString());
        Assert.False(token.TryGetProperty("deprecation_status", out _));
        Assert.Equal("system", reply.Json.GetProperty("mount_type").GetString());
    }

    [Fact]
    public async Task EnabledMethodsAreListedWithSortedKeysAndTheirPluginFacts()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        await AuthSetup.EnableAsync(vault.Http, "kubernetes");
        await AuthSetup.EnableAsync(vault.Http, "approle", "team/apps");
        JsonElement data = (await vault.Http.GetAsync("/v1/sys/auth")).Json.GetProperty("data");

        Assert.Equal(["kubernetes/", "team/apps/", "token/"], data.EnumerateObject().Select(entry => entry.Name));
        JsonElement approle = data.GetProperty("team/apps/");
        Assert.Equal(
            ["accessor", "config", "deprecation_status", "description", "external_entropy_access", "local", "options",
             "plugin_version", "running_plugin_version", "running_sha256", "seal_wrap", "type", "uuid"],
            approle.EnumerateObject().Select(property => property.Name));
        Assert.Equal("approle", approle.GetProperty("type").GetString());
        Assert.StartsWith("auth_approle_", approle.GetProperty("accessor").GetString());
        Assert.Equal("supported", approle.GetProperty("deprecation_status").GetString());
        Assert.Equal(JsonValueKind.Null, approle.GetProperty("options").ValueKind);
        Assert.Equal("v0.23.0+builtin", data.GetProperty("kubernetes/").GetProperty("running_plugin_version").GetString());
    }

    [Fact]
    public async Task EnablingAtATakenOrOverlappingPathIsAConflict()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");

        VaultReply same = await vault.Http.PostAsync("/v1/sys/auth/approle", """{"type":"kubernetes"}""");
        VaultReply nested = await vault.Http.PostAsync("/v1/sys/auth/approle/inner", """{"type":"approle"}""");
        VaultReply token = await vault.Http.PostAsync("/v1/sys/auth/token", """{"type":"approle"}""");

        Assert.Equal((409, """{"errors":["path is already in use at approle/"]}""" + "\n"), (same.Status, same.Text));
        Assert.Equal(409, nested.Status);
        Assert.Equal("""{"errors":["path is already in use at token/"]}""" + "\n", token.Text);
    }

    [Theory]
    [InlineData("""{"type":"userpass"}""", "plugin not found in the catalog: userpass")]
    [InlineData("""{"type":"token"}""", "token credential backend cannot be instantiated")]
    [InlineData("""{}""", "backend type must be specified as a string")]
    public async Task EnablingAnUnavailableTypeIsRefused(string body, string error)
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.PostAsync("/v1/sys/auth/somewhere", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(error, reply.Json.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task DisablingRemovesTheMethodAndRevokesItsTokens()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http);

        VaultReply disabled = await vault.Http.DeleteAsync("/v1/sys/auth/approle");
        VaultReply again = await vault.Http.DeleteAsync("/v1/sys/auth/approle");
        VaultReply read = await vault.Http.GetAsync("/v1/secret/data/app", token);
        VaultReply login = await vault.Http.PostAsync("/v1/auth/approle/login", """{"role_id":"x"}""", token: null);

        ContractAssert.EmptyJson(disabled);
        ContractAssert.EmptyJson(again);
        ContractAssert.MatchesFixture(read, 403, "invalid-token-403.json");
        ContractAssert.MatchesFixture(login, 403, "permission-denied-missing-token-403.json");
        Assert.Equal(["token/"], (await vault.Http.GetAsync("/v1/sys/auth")).Json.GetProperty("data").EnumerateObject().Select(entry => entry.Name));
    }

    [Fact]
    public async Task TheTokenStoreCannotBeDisabled()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.DeleteAsync("/v1/sys/auth/token");

        Assert.Equal((400, """{"errors":["token credential backend cannot be disabled"]}""" + "\n"), (reply.Status, reply.Text));
    }

    [Fact]
    public async Task OnlyRootTokensMayUseSysAuthNotEvenALoggedInTokenWithPolicies()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string loggedIn = await AuthSetup.AppRoleTokenAsync(vault.Http);

        VaultReply list = await vault.Http.GetAsync("/v1/sys/auth", loggedIn);
        VaultReply enable = await vault.Http.PostAsync("/v1/sys/auth/kubernetes", """{"type":"kubernetes"}""", RunningVault.ReadToken);

        ContractAssert.MatchesFixture(list, 403, "permission-denied-policy-403.json");
        ContractAssert.MatchesFixture(enable, 403, "permission-denied-policy-403.json");
    }

    [Fact]
    public async Task AnUnknownAuthMountHasNoHandler()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.PostAsync("/v1/auth/approle/login", """{"role_id":"x"}""");

        Assert.Equal(404, reply.Status);
        Assert.Equal("""{"errors":["no handler for route \"auth/approle/login\". route entry not found."]}""" + "\n", reply.Text);
    }
}
