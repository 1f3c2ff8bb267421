using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Auth;

/// <summary>
/// A client that logs in: it logs in before its first call, renews its token two thirds into the TTL, logs in again
/// when renewal is capped or refused, and when Vault refuses its token sends the call once more with a new one.
/// </summary>
public sealed class VaultTokenLifecycleTests : IDisposable
{
    private static readonly KvPath Key = KvPath.Create("billing", "db_host");
    private readonly ScriptedAuthVault _vault = new();

    public void Dispose() => _vault.Dispose();

    [Fact]
    public async Task TheFirstCallLogsInWithTheRoleAndSecretIdAndCarriesTheIssuedToken()
    {
        var read = await _vault.Kv2.ReadAsync(Key);

        Assert.True(read.IsOk, read.ToString());
        var login = Assert.Single(_vault.Logins);
        Assert.Equal("", _vault.TokenOf(login));
        Assert.Equal("""{"role_id":"role-id-1","secret_id":"secret-id-1"}""", login.Json!.ToJsonString());
        Assert.Equal("hvs.issued-1", _vault.TokenOf(_vault.Handler.Requests[^1]));
        Assert.Equal(new VaultAuthStatus(VaultAuthMethod.AppRole, true, null), _vault.Sys.AuthStatus);
    }

    [Fact]
    public async Task ATokenRevokedBehindTheClientsBackIsReplacedByANewLoginAndTheWriteSucceeds()
    {
        await _vault.Kv2.ReadAsync(Key);
        _vault.Revoke("hvs.issued-1");

        var write = await _vault.Kv2.WriteAsync(Key, new JsonObject { ["value"] = "db-2" });

        Assert.True(write.IsOk, write.ToString());
        Assert.Equal(2, _vault.Logins.Count);
        Assert.Equal("hvs.issued-2", _vault.TokenOf(_vault.Handler.Requests[^1]));
    }

    [Fact]
    public async Task ACallDeniedByPolicyWithAValidTokenCausesNoNewLogin()
    {
        await _vault.Kv2.ReadAsync(Key);

        var first = await _vault.Kv2.ReadAsync(KvPath.Create("forbidden", "x"));
        var second = await _vault.Kv2.ReadAsync(KvPath.Create("forbidden", "x"));

        Assert.Equal(VaultOutcome.PermissionDenied, first.Outcome);
        Assert.Equal(VaultOutcome.PermissionDenied, second.Outcome);
        Assert.Single(_vault.Logins);
    }

    [Fact]
    public async Task ATokenRevokedRightAfterItsLoginIsReplacedAllTheSame()
    {
        await _vault.Kv2.ReadAsync(Key);
        _vault.Revoke("hvs.issued-1");

        var read = await _vault.Kv2.ReadAsync(Key);

        Assert.True(read.IsOk, read.ToString());
        Assert.Equal(2, _vault.Logins.Count);
    }

    [Fact]
    public async Task ARefusedLoginFailsTheCallWithVaultsReasonAndNoCredentialAndIsReportedAsRefused()
    {
        _vault.RefuseLogin = true;

        var read = await _vault.Kv2.ReadAsync(Key);

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Contains("invalid role or secret ID", read.Error, StringComparison.Ordinal);
        var status = _vault.Sys.AuthStatus;
        Assert.False(status.HasToken);
        Assert.True(status.Refused);
        Assert.Contains("approle login at auth/approle/login refused (400)", status.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-id-1", status.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(_vault.Handler.Requests, r => r.Target.StartsWith("/v1/secret/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheKeeperLogsInAtStartAndRenewsTheTokenTwoThirdsIntoItsTtl()
    {
        var first = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);
        _vault.Clock.Advance(first);
        var second = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(20), first);
        Assert.Equal(TimeSpan.FromSeconds(20), second);
        Assert.Single(_vault.Logins);
        var renewal = Assert.Single(_vault.Renewals);
        Assert.Equal("hvs.issued-1", _vault.TokenOf(renewal));
        Assert.Equal("""{"increment":"30s"}""", renewal.Json!.ToJsonString());
    }

    [Fact]
    public async Task ARenewalCappedByTheMaxTtlLeadsToANewLoginBeforeTheTokenExpires()
    {
        _vault.RenewTo = 12;
        _vault.Clock.Advance(await _vault.Transport.MaintainTokenAsync(CancellationToken.None));

        var afterCappedRenewal = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);
        _vault.Clock.Advance(afterCappedRenewal);
        var afterLogin = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);
        var read = await _vault.Kv2.ReadAsync(Key);

        Assert.Equal(TimeSpan.FromSeconds(8), afterCappedRenewal);
        Assert.Equal(TimeSpan.FromSeconds(20), afterLogin);
        Assert.Equal(2, _vault.Logins.Count);
        Assert.True(read.IsOk, read.ToString());
        Assert.Equal("hvs.issued-2", _vault.TokenOf(_vault.Handler.Requests[^1]));
    }

    [Fact]
    public async Task ARefusedRenewalLogsInAgainAtOnce()
    {
        _vault.RenewTo = null;
        _vault.Clock.Advance(await _vault.Transport.MaintainTokenAsync(CancellationToken.None));

        var next = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(20), next);
        Assert.Equal(2, _vault.Logins.Count);
        Assert.Single(_vault.Renewals);
    }

    [Fact]
    public async Task AFailedLoginIsTriedAgainAfterABackoffThatGrows()
    {
        _vault.RefuseLogin = true;

        var first = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);
        var second = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);
        _vault.RefuseLogin = false;
        var recovered = await _vault.Transport.MaintainTokenAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), first);
        Assert.Equal(TimeSpan.FromSeconds(2), second);
        Assert.Equal(TimeSpan.FromSeconds(20), recovered);
        Assert.Equal(new VaultAuthStatus(VaultAuthMethod.AppRole, true, null), _vault.Sys.AuthStatus);
    }
}
