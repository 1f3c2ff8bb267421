using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Auth;

/// <summary>Leased tokens: expiry, renew-self up to the max TTL, and revocation.</summary>
public sealed class TokenLifetimeTests
{
    private const string OneHourRole = """{"token_policies":["myapp"],"token_ttl":"1h","token_max_ttl":"3h"}""";
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public async Task ATokenIsRefusedLikeAnUnknownOneOnceItsTtlHasPassed()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);

        clock.Advance(TimeSpan.FromMinutes(59));
        VaultReply before = await vault.Http.GetAsync("/v1/auth/token/lookup-self", token);
        clock.Advance(TimeSpan.FromMinutes(1));
        VaultReply after = await vault.Http.GetAsync("/v1/secret/data/app", token);

        Assert.Equal(60, before.Json.GetProperty("data").GetProperty("ttl").GetInt32());
        ContractAssert.MatchesFixture(after, 403, "invalid-token-403.json");
    }

    [Fact]
    public async Task LookupSelfReportsTheLeaseTimesOfATokenThatExpires()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);

        JsonElement data = (await vault.Http.GetAsync("/v1/auth/token/lookup-self", token)).Json.GetProperty("data");

        Assert.Equal("2025-03-02T08:00:00.1234567Z", data.GetProperty("issue_time").GetString());
        Assert.Equal("2025-03-02T09:00:00.1234567Z", data.GetProperty("expire_time").GetString());
        Assert.Equal(3600, data.GetProperty("creation_ttl").GetInt32());
        Assert.Equal(3600, data.GetProperty("ttl").GetInt32());
        Assert.True(data.GetProperty("renewable").GetBoolean());
        Assert.Equal(Start.ToUnixTimeSeconds(), data.GetProperty("creation_time").GetInt64());
    }

    [Fact]
    public async Task RenewSelfGivesTheRolesTtlAgainWithTheAuthBlockInGoFieldOrder()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);
        clock.Advance(TimeSpan.FromMinutes(50));

        VaultReply renewed = await vault.Http.PostAsync("/v1/auth/token/renew-self", "", token);
        clock.Advance(TimeSpan.FromMinutes(30));
        JsonElement lookup = (await vault.Http.GetAsync("/v1/auth/token/lookup-self", token)).Json.GetProperty("data");

        ContractAssert.MatchesFixture(renewed, 200, "token-renew-self-200.json");
        Assert.Equal(1800, lookup.GetProperty("ttl").GetInt32());
        Assert.Equal("2025-03-02T08:50:00.1234567Z", lookup.GetProperty("last_renewal").GetString());
        Assert.Equal(Start.AddMinutes(50).ToUnixTimeSeconds(), lookup.GetProperty("last_renewal_time").GetInt64());
    }

    [Fact]
    public async Task RenewSelfWithAnIncrementIsCappedAtTheMaxTtlWithVaultsWarning()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);
        clock.Advance(TimeSpan.FromMinutes(45));

        VaultReply shorter = await vault.Http.PostAsync("/v1/auth/token/renew-self", """{"increment":"30m"}""", token);
        VaultReply capped = await vault.Http.PostAsync("/v1/auth/token/renew-self", """{"increment":10800}""", token);

        Assert.Equal(1800, AuthSetup.Auth(shorter).GetProperty("lease_duration").GetInt32());
        Assert.Equal(JsonValueKind.Null, shorter.Json.GetProperty("warnings").ValueKind);
        Assert.Equal(200, capped.Status);
        Assert.Equal(8100, AuthSetup.Auth(capped).GetProperty("lease_duration").GetInt32());
        Assert.Equal(
            ["TTL of \"3h\" exceeded the effective max_ttl of \"2h15m\"; TTL value is capped accordingly"],
            capped.Json.GetProperty("warnings").EnumerateArray().Select(warning => warning.GetString()));
        Assert.Equal(0, capped.Json.GetProperty("lease_duration").GetInt32());
        Assert.False(capped.Json.GetProperty("renewable").GetBoolean());
    }

    [Fact]
    public async Task ATokenRenewedToItsMaxTtlExpiresThere()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);

        for (int hour = 0; hour < 2; hour++)
        {
            clock.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(200, (await vault.Http.PostAsync("/v1/auth/token/renew-self", "", token)).Status);
        }

        clock.Advance(TimeSpan.FromMinutes(59));
        VaultReply last = await vault.Http.PostAsync("/v1/auth/token/renew-self", "", token);
        clock.Advance(TimeSpan.FromMinutes(3));
        VaultReply gone = await vault.Http.GetAsync("/v1/auth/token/lookup-self", token);

        Assert.Equal(180, AuthSetup.Auth(last).GetProperty("lease_duration").GetInt32());
        ContractAssert.MatchesFixture(gone, 403, "invalid-token-403.json");
    }

    [Fact]
    public async Task TheRootTokenNeverExpiresAndHasNoLeaseToRenew()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        clock.Advance(TimeSpan.FromDays(400));

        VaultReply lookup = await vault.Http.GetAsync("/v1/auth/token/lookup-self");
        VaultReply renew = await vault.Http.PostAsync("/v1/auth/token/renew-self", "");

        ContractAssert.MatchesFixture(lookup, 200, "token-lookup-self-root-200.json");
        Assert.Equal((400, """{"errors":["invalid lease ID"]}""" + "\n"), (renew.Status, renew.Text));
    }

    [Fact]
    public async Task RenewalFailsOnceTheIssuingRoleIsGone()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http, OneHourRole);
        await vault.Http.DeleteAsync("/v1/auth/approle/role/myapp");

        VaultReply renew = await vault.Http.PostAsync("/v1/auth/token/renew-self", "", token);
        VaultReply stillValid = await vault.Http.GetAsync("/v1/auth/token/lookup-self", token);

        Assert.Equal(500, renew.Status);
        Assert.Equal("failed to renew entry: role myapp does not exist during renewal", renew.Json.GetProperty("errors")[0].GetString());
        Assert.Equal(200, stillValid.Status);
    }

    [Fact]
    public async Task RevokeSelfMakesTheTokenRefused()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string token = await AuthSetup.AppRoleTokenAsync(vault.Http);

        VaultReply revoked = await vault.Http.PostAsync("/v1/auth/token/revoke-self", "", token);
        VaultReply after = await vault.Http.GetAsync("/v1/secret/data/app", token);

        ContractAssert.EmptyJson(revoked);
        ContractAssert.MatchesFixture(after, 403, "invalid-token-403.json");
    }

    [Fact]
    public async Task RootRevokesATokenByIdOrAccessor()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string byId = await AuthSetup.AppRoleTokenAsync(vault.Http);
        (string roleId, string secretId) = await AuthSetup.AppRoleAsync(vault.Http, "other", """{"token_policies":"other"}""");
        VaultReply second = await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId);
        string byAccessor = AuthSetup.ClientToken(second);
        string accessor = AuthSetup.Auth(second).GetProperty("accessor").GetString()!;

        VaultReply revoke = await vault.Http.PostAsync("/v1/auth/token/revoke", $$"""{"token":"{{byId}}"}""");
        VaultReply revokeAccessor = await vault.Http.PostAsync("/v1/auth/token/revoke-accessor", $$"""{"accessor":"{{accessor}}"}""");
        VaultReply unknownAccessor = await vault.Http.PostAsync("/v1/auth/token/revoke-accessor", """{"accessor":"nope"}""");
        VaultReply missing = await vault.Http.PostAsync("/v1/auth/token/revoke", "{}");

        ContractAssert.EmptyJson(revoke);
        ContractAssert.EmptyJson(revokeAccessor);
        Assert.Equal(403, (await vault.Http.GetAsync("/v1/auth/token/lookup-self", byId)).Status);
        Assert.Equal(403, (await vault.Http.GetAsync("/v1/auth/token/lookup-self", byAccessor)).Status);
        Assert.Equal(200, unknownAccessor.Status);
        Assert.Equal("No token found with this accessor", unknownAccessor.Json.GetProperty("warnings")[0].GetString());
        Assert.Equal((400, """{"errors":["missing token ID"]}""" + "\n"), (missing.Status, missing.Text));
    }

    [Fact]
    public async Task RevokePrefixRevokesEveryTokenIssuedBelowThePathAndNoOther()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        string first = await AuthSetup.AppRoleTokenAsync(vault.Http);
        (string roleId, string secretId) = await AuthSetup.AppRoleAsync(vault.Http, "other", """{"token_policies":"other"}""");
        string second = AuthSetup.ClientToken(await AuthSetup.AppRoleLoginAsync(vault.Http, roleId, secretId));

        VaultReply revoked = await vault.Http.PostAsync("/v1/sys/leases/revoke-prefix/auth/approle/login", "");

        Assert.Equal(204, revoked.Status);
        Assert.Equal(403, (await vault.Http.GetAsync("/v1/auth/token/lookup-self", first)).Status);
        Assert.Equal(403, (await vault.Http.GetAsync("/v1/auth/token/lookup-self", second)).Status);
        Assert.Equal(200, (await vault.Http.GetAsync("/v1/auth/token/lookup-self")).Status);
    }

    [Fact]
    public async Task ATokenWithoutPoliciesBeyondDefaultMayNotRevokeOthers()
    {
        await using RunningVault vault = await RunningVault.StartAsync();

        VaultReply reply = await vault.Http.PostAsync("/v1/auth/token/revoke", """{"token":"hvs.RootExampleOnly"}""", RunningVault.DenyToken);

        ContractAssert.MatchesFixture(reply, 403, "permission-denied-policy-403.json");
        Assert.Equal(200, (await vault.Http.GetAsync("/v1/auth/token/lookup-self")).Status);
    }
}
