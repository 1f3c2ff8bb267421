using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>sys/health, sys/mounts and the sealed state, replayed against the contract fixtures.</summary>
public sealed class SysContractTests
{
    [Fact]
    public async Task HealthOfAnActiveNodeIs200WithTheHealthBody()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/health", token: null);

        ContractAssert.MatchesFixture(reply, 200, "sys-health-200.json");
    }

    [Theory]
    [InlineData("?standbyok")]
    [InlineData("?standbyok=maybe")]
    [InlineData("?perfstandbyok=2")]
    [InlineData("?activecode=abc")]
    [InlineData("?sealedcode=")]
    public async Task HealthRejectsUnparsableParameters(string query)
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/health" + query, token: null);

        ContractAssert.MatchesFixture(reply, 400, "sys-health-bad-param-400.json");
    }

    [Fact]
    public async Task HealthHonoursActivecodeAndHeadCarriesNoBody()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply custom = await vault.Http.GetAsync("/v1/sys/health?activecode=299&standbyok=true", token: null);
        VaultReply head = await vault.Http.SendAsync("HEAD", "/v1/sys/health", token: null);
        VaultReply post = await vault.Http.SendAsync("POST", "/v1/sys/health", "{}", token: null);

        Assert.Equal(299, custom.Status);
        Assert.Equal(200, head.Status);
        Assert.Equal("application/json", head.ContentType);
        Assert.Empty(head.Body);
        ContractAssert.MatchesFixture(post, 405, "method-not-allowed-405.json");
    }

    [Fact]
    public async Task ASealedVaultAnswersHealthWithTheSealedBodyAndCode()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        vault.State.Seal();

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/health", token: null);
        VaultReply custom = await vault.Http.GetAsync("/v1/sys/health?sealedcode=299", token: null);

        ContractAssert.MatchesFixture(reply, 503, "sys-health-sealed-503.json");
        Assert.Equal(299, custom.Status);
    }

    [Theory]
    [InlineData("GET", "/v1/secret/data/app", VaultHttp.Root)]
    [InlineData("GET", "/v1/secret/data/app", "not-a-token")]
    [InlineData("GET", "/v1/secret/data/app", null)]
    [InlineData("POST", "/v1/secret/data/app/", VaultHttp.Root)]
    [InlineData("GET", "/v1/sys/mounts", VaultHttp.Root)]
    [InlineData("GET", "/v1/auth/token/lookup-self", VaultHttp.Root)]
    [InlineData("GET", "/v1/sys/internal/ui/mounts/secret", VaultHttp.Root)]
    public async Task ASealedVaultAnswers503OnLogicalPathsBeforeCheckingTheToken(string method, string path, string? token)
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        vault.State.Seal();

        VaultReply reply = await vault.Http.SendAsync(method, path, method == "POST" ? """{"data":{}}""" : null, token);

        ContractAssert.MatchesFixture(reply, 503, "sealed-503.json");
    }

    [Fact]
    public async Task UnsealingRestoresServiceWithTheDataIntact()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{"a":"1"}}""");
        vault.State.Seal();
        vault.State.Unseal();

        VaultReply reply = await vault.Http.GetAsync("/v1/secret/data/app");

        Assert.False(vault.State.IsSealed);
        Assert.Equal("1", reply.Json.GetProperty("data").GetProperty("data").GetProperty("a").GetString());
    }

    [Fact]
    public async Task SysMountsListsEveryMountAlsoAtTheTopLevel()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/mounts");

        ContractAssert.MatchesFixture(reply, 200, "sys-mounts-200.json");
    }

    [Fact]
    public async Task SysMountsReportsKvV1MountsWithVersionOneOptions()
    {
        await using RunningVault vault = await RunningVault.StartAsync(options => options.Mounts.Add(new DevVaultMount("legacy", 1)));

        VaultReply reply = await vault.Http.GetAsync("/v1/sys/mounts");

        System.Text.Json.JsonElement legacy = reply.Json.GetProperty("data").GetProperty("legacy/");
        Assert.Equal("1", legacy.GetProperty("options").GetProperty("version").GetString());
        Assert.Equal("kv", legacy.GetProperty("type").GetString());
    }
}
