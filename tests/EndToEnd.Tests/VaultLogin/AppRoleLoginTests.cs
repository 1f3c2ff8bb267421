using System.Diagnostics;

namespace ConfigCluster.EndToEnd.Tests.VaultLogin;

/// <summary>
/// A silo that logs in to Vault by AppRole: its status names the method and the token's TTL, its writes never fail
/// for a token that expires, a token revoked behind its back is replaced, and a wrong secret id keeps it out of
/// service with the reason.
/// </summary>
public sealed class AppRoleLoginTests(AppRoleFixture fixture) : IClassFixture<AppRoleFixture>
{
    private static readonly TimeSpan SteadyLoad = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheStatusShowsTheAuthMethodAndTheTokensRemainingTtlButNeverTheToken()
    {
        using var response = await fixture.Http.GetAsync("/api/v1/config/status");
        var body = await response.Content.ReadAsStringAsync();
        using var status = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", status.RootElement.GetProperty("vault").GetString());
        Assert.Equal("approle", status.RootElement.GetProperty("vault_auth_method").GetString());
        Assert.InRange(status.RootElement.GetProperty("vault_token_ttl_seconds").GetInt64(), 0, 3);
        Assert.DoesNotContain("hvs.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.SecretId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesGoOnWithoutAFailureForTwentySecondsWhileTheThreeSecondTokenIsRenewedAndReplaced()
    {
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.CreateAsync("vaultlogin", "svc", "steady", "first")).StatusCode);
        int loginsBefore = Count("Vault approle login at auth/approle/login: token issued");
        int renewalsBefore = Count("Vault token (approle) renewed");
        var writer = new WriterLoop(fixture.Http, "vaultlogin", "svc", "steady");
        var started = Stopwatch.GetTimestamp();

        writer.Start();
        await Eventually.ReachesAsync(() => Task.FromResult(Stopwatch.GetElapsedTime(started)), elapsed => elapsed >= SteadyLoad,
            SteadyLoad + TimeSpan.FromSeconds(10), "twenty seconds of writes");
        await writer.StopAsync();

        Assert.Equal(0, writer.Refused);
        Assert.True(writer.Acknowledged.Count >= 20, $"{writer.Acknowledged.Count} writes in {SteadyLoad.TotalSeconds} s");
        Assert.True(Count("Vault token (approle) renewed") - renewalsBefore >= 3, "the token was renewed every two seconds");
        Assert.True(Count("Vault approle login at auth/approle/login: token issued") - loginsBefore >= 2, "a new login before each token's max TTL");
    }

    [Fact]
    public async Task ATokenRevokedBehindTheSilosBackIsReplacedByANewLoginAndTheNextWriteSucceeds()
    {
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.CreateAsync("vaultlogin", "svc", "revoked", "first")).StatusCode);
        using var setup = new VaultAuthSetup(fixture.Vault.Address, fixture.Vault.RootToken);
        int sentAgain = Count("refused the token; sent again with a new one");
        await setup.RevokePrefixAsync("auth/approle/login");

        using var write = await fixture.Http.UpdateAsync("vaultlogin", "svc", "revoked", "second");

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.True(Count("refused the token; sent again with a new one") > sentAgain, "the write was sent again with a new token");
        Assert.Equal(("second", 2L), await (await fixture.Http.ReadAsync("vaultlogin", "svc", "revoked")).ValueAsync());
    }

    [Fact]
    public async Task ASiloWithAWrongSecretIdIsNotReadyAndSaysWhy()
    {
        var (silo, http) = await fixture.StartSiloAsync(fixture.ArgsWithSecretId("00000000-0000-0000-0000-000000000000"));
        try
        {
            var (_, why) = await Eventually.ReachesAsync(() => ReadyAsync(http),
                r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains("Vault login failed", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), "the silo to report its refused login");

            Assert.Contains("approle login at auth/approle/login refused (400): invalid role or secret ID", why, StringComparison.Ordinal);
            Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", why, StringComparison.Ordinal);
        }
        finally
        {
            http.Dispose();
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private int Count(string fragment) => fixture.Logs.Lines.Count(line => line.Contains(fragment, StringComparison.Ordinal));
}
