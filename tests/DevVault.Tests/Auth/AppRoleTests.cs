using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Auth;

/// <summary>AppRole: roles, role ids, secret ids and login, against the contract fixtures.</summary>
public sealed class AppRoleTests
{
    private const string MyApp = """{"token_policies":["myapp"],"token_ttl":"1h"}""";
    private static readonly DateTimeOffset Start = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LoginWithTheRoleIdAndASecretIdAnswersTheAuthBlockInGoFieldOrder()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        (string roleId, string secretId) = await AuthSetup.AppRoleAsync(vault.Http, "myapp", MyApp);

        VaultReply login = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId);

        ContractAssert.MatchesFixture(login, 200, "approle-login-200.json");
        Assert.StartsWith("hvs.", AuthSetup.Auth(login).GetProperty("client_token").GetString());
    }

    [Fact]
    public async Task TheLoggedInTokenReadsAndWritesKvAndLooksItselfUp()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, """{"token_policies":"myapp"}""");
        clock.Advance(TimeSpan.FromSeconds(76));

        VaultReply written = await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{"a":"1"}}""", token);
        VaultReply read = await vault.Http.GetAsync("/v1/secret/data/app", token);
        VaultReply lookup = await vault.Http.GetAsync("/v1/auth/token/lookup-self", token);

        Assert.Equal(200, written.Status);
        Assert.Equal("1", read.Json.GetProperty("data").GetProperty("data").GetProperty("a").GetString());
        ContractAssert.MatchesFixture(lookup, 200, "token-lookup-self-200.json");
    }

    [Fact]
    public async Task AWrongSecretIdIsRefusedWithVaultsText()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        (string roleId, _) = await AuthSetup.AppRoleAsync(vault.Http, "myapp", MyApp);

        VaultReply wrongSecret = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, Guid.NewGuid().ToString());
        VaultReply wrongRole = await AuthSetup.AppRoleLoginAsync(vault.Http, "not-a-role-id", Guid.NewGuid().ToString());
        VaultReply noRoleId = await vault.Http.PostAsync("/v1/auth/approle/login", """{"secret_id":"x"}""", token: null);
        VaultReply noSecretId = await vault.Http.PostAsync("/v1/auth/approle/login", $$"""{"role_id":"{{roleId}}"}""", token: null);

        ContractAssert.MatchesFixture(wrongSecret, 400, "approle-login-invalid-400.json");
        ContractAssert.MatchesFixture(wrongRole, 400, "approle-login-invalid-400.json");
        ContractAssert.MatchesFixture(noRoleId, 400, "approle-login-missing-role-id-400.json");
        ContractAssert.MatchesFixture(noSecretId, 400, "approle-login-missing-secret-id-400.json");
    }

    [Fact]
    public async Task ASecretIdWithNumUsesWorksThatManyTimes()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        (string roleId, _) = await AuthSetup.AppRoleAsync(vault.Http, "myapp", MyApp);
        VaultReply issued = await vault.Http.PostAsync("/v1/auth/approle/role/myapp/secret-id", """{"num_uses":2}""");
        string secretId = issued.Json.GetProperty("data").GetProperty("secret_id").GetString()!;

        int[] statuses = [
            (await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId)).Status,
            (await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId)).Status,
            (await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId)).Status,
        ];

        Assert.Equal(2, issued.Json.GetProperty("data").GetProperty("secret_id_num_uses").GetInt32());
        Assert.Equal([200, 200, 400], statuses);
    }

    [Fact]
    public async Task ASecretIdPastItsTtlIsRefused()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        await AuthSetup.EnableAsync(vault.Http, "approle");
        (string roleId, _) = await AuthSetup.AppRoleAsync(vault.Http, "myapp", MyApp);
        VaultReply issued = await vault.Http.PostAsync("/v1/auth/approle/role/myapp/secret-id", """{"ttl":"10m"}""");
        string secretId = issued.Json.GetProperty("data").GetProperty("secret_id").GetString()!;

        clock.Advance(TimeSpan.FromMinutes(9));
        VaultReply inTime = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId);
        clock.Advance(TimeSpan.FromMinutes(1));
        VaultReply late = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId);

        Assert.Equal(600, issued.Json.GetProperty("data").GetProperty("secret_id_ttl").GetInt32());
        Assert.Equal(200, inTime.Status);
        ContractAssert.MatchesFixture(late, 400, "approle-login-invalid-400.json");
    }

    [Fact]
    public async Task ASecretIdMayNotOutliveOrOutnumberTheRolesLimits()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        await AuthSetup.AppRoleAsync(vault.Http, "myapp", """{"secret_id_ttl":"1h","secret_id_num_uses":3}""");

        VaultReply tooLong = await vault.Http.PostAsync("/v1/auth/approle/role/myapp/secret-id", """{"ttl":"2h"}""");
        VaultReply tooMany = await vault.Http.PostAsync("/v1/auth/approle/role/myapp/secret-id", """{"num_uses":0}""");

        Assert.Equal("ttl cannot be longer than the role's secret_id_ttl", tooLong.Json.GetProperty("errors")[0].GetString());
        Assert.Equal("num_uses cannot be higher than the role's secret_id_num_uses", tooMany.Json.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task ARoleReadsBackWithVaultsKeysAndItsRoleIdCanBeChosen()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        await vault.Http.PostAsync("/v1/auth/approle/role/MyApp", """{"token_policies":"a,b","token_ttl":"20m","token_max_ttl":"1h","secret_id_ttl":60}""");

        VaultReply setId = await vault.Http.PostAsync("/v1/auth/approle/role/myapp/role-id", """{"role_id":"my-custom-id"}""");
        VaultReply role = await vault.Http.GetAsync("/v1/auth/approle/role/myapp");
        VaultReply roleId = await vault.Http.GetAsync("/v1/auth/approle/role/myapp/role-id");
        VaultReply list = await vault.Http.ListAsync("/v1/auth/approle/role");

        ContractAssert.EmptyJson(setId);
        Assert.Equal(
            """{"bind_secret_id":true,"local_secret_ids":false,"secret_id_bound_cidrs":null,"secret_id_num_uses":0,"secret_id_ttl":60,"token_bound_cidrs":[],"token_explicit_max_ttl":0,"token_max_ttl":3600,"token_no_default_policy":false,"token_num_uses":0,"token_period":0,"token_policies":["a","b"],"token_ttl":1200,"token_type":"default"}""",
            role.Json.GetProperty("data").GetRawText());
        Assert.Equal("approle", role.Json.GetProperty("mount_type").GetString());
        Assert.Equal("my-custom-id", roleId.Json.GetProperty("data").GetProperty("role_id").GetString());
        Assert.Equal("""{"keys":["myapp"]}""", list.Json.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task ARoleWithoutAnyConstraintIsRefusedAndTheStoredRoleStaysAsItWas()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        await vault.Http.PostAsync("/v1/auth/approle/role/myapp", """{"token_ttl":"20m"}""");

        VaultReply unbound = await vault.Http.PostAsync("/v1/auth/approle/role/myapp", """{"bind_secret_id":false,"token_ttl":"30m"}""");
        VaultReply ttlOverMax = await vault.Http.PostAsync("/v1/auth/approle/role/myapp", """{"token_ttl":"2h","token_max_ttl":"1h"}""");
        JsonElement role = (await vault.Http.GetAsync("/v1/auth/approle/role/myapp")).Json.GetProperty("data");

        Assert.Equal((500, "at least one constraint should be enabled on the role"), (unbound.Status, unbound.Json.GetProperty("errors")[0].GetString()));
        Assert.Equal((400, "'token_ttl' cannot be greater than 'token_max_ttl'"), (ttlOverMax.Status, ttlOverMax.Json.GetProperty("errors")[0].GetString()));
        Assert.Equal(1200, role.GetProperty("token_ttl").GetInt32());
        Assert.True(role.GetProperty("bind_secret_id").GetBoolean());
    }

    [Fact]
    public async Task UnofferedRoleSettingsAreWarnedAboutAsIgnored()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");

        VaultReply reply = await vault.Http.PostAsync("/v1/auth/approle/role/myapp", """{"token_period":"1h","role_name":"other"}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal(
            ["Endpoint ignored these unrecognized parameters: [token_period]", "Endpoint replaced the value of these parameters with the values captured from the endpoint's path: [role_name]"],
            reply.Json.GetProperty("warnings").EnumerateArray().Select(warning => warning.GetString()));
        Assert.Equal(200, (await vault.Http.GetAsync("/v1/auth/approle/role/myapp")).Status);
    }

    [Fact]
    public async Task ARoleWithTheRootPolicyCannotLogIn()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle");
        (string roleId, string secretId) = await AuthSetup.AppRoleAsync(vault.Http, "admin", """{"token_policies":["root"]}""");

        VaultReply login = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId);

        Assert.Equal((400, "auth methods cannot create root tokens"), (login.Status, login.Json.GetProperty("errors")[0].GetString()));
    }

    [Fact]
    public async Task ATokenWithOnlyTheDefaultPolicyMayLookItselfUpButNotReadKv()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, "{}");

        VaultReply lookup = await vault.Http.GetAsync("/v1/auth/token/lookup-self", token);
        VaultReply read = await vault.Http.GetAsync("/v1/secret/data/app", token);

        Assert.Equal(["default"], lookup.Json.GetProperty("data").GetProperty("policies").EnumerateArray().Select(policy => policy.GetString()));
        ContractAssert.MatchesFixture(read, 403, "permission-denied-policy-403.json");
    }

    [Fact]
    public async Task AMethodMountedElsewhereLogsInThereAndNamesItsTokensAfterThePath()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "approle", "team/apps");
        (string roleId, string secretId) = await AuthSetup.AppRoleAsync(vault.Http, "myapp", MyApp, mount: "team/apps");

        string token = AuthSetup.ClientToken(await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId, mount: "team/apps"));
        JsonElement lookup = (await vault.Http.GetAsync("/v1/auth/token/lookup-self", token)).Json.GetProperty("data");

        Assert.Equal("team-apps", lookup.GetProperty("display_name").GetString());
        Assert.Equal("auth/team/apps/login", lookup.GetProperty("path").GetString());
    }
}
