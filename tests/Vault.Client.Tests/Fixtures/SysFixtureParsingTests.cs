using System.Globalization;

namespace ConfigCluster.Vault.Client.Tests.Fixtures;

/// <summary>Values parsed out of the sys/health, token and mount fixtures (vault-kv-contract §2, §4–§6).</summary>
public sealed class SysFixtureParsingTests
{
    [Theory]
    [InlineData("sys-health-200", true, false, false, true)]
    [InlineData("sys-health-standby-429", true, false, true, true)]
    [InlineData("sys-health-sealed-503", true, true, true, false)]
    [InlineData("sys-health-uninit-501", false, true, true, false)]
    public async Task HealthBodyIsParsedWhateverTheStatus(string fixture, bool initialized, bool isSealed, bool standby, bool serving)
    {
        using var vault = StubVault.ForFixture(fixture);

        var health = await vault.Sys.HealthAsync();

        Assert.True(health.IsOk);
        Assert.Equal(new VaultHealth(initialized, isSealed, standby, "1.19.0", VaultFixtures.Status(fixture)), health.Value);
        Assert.Equal(serving, health.Value!.IsServing);
    }

    [Fact]
    public async Task HealthIsAskedOnceWithoutAToken()
    {
        using var vault = StubVault.ForFixture("sys-health-sealed-503");

        await vault.Sys.HealthAsync();

        var request = vault.Single;
        Assert.Equal("/v1/sys/health", request.Target);
        Assert.False(request.Headers.ContainsKey("X-Vault-Token"));
    }

    [Fact]
    public async Task SealedVaultMakesReadsUnavailable()
    {
        using var vault = StubVault.ForFixture("sealed-503");

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Contains("Vault is sealed", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidTokenIsPermissionDeniedMentioningInvalidToken()
    {
        using var vault = StubVault.ForFixture("invalid-token-403");

        var lookup = await vault.Sys.LookupSelfAsync();

        Assert.Equal(VaultOutcome.PermissionDenied, lookup.Outcome);
        Assert.True(lookup.IsInvalidToken);
        Assert.Equal("permission denied; invalid token", lookup.Error);
    }

    [Theory]
    [InlineData("permission-denied-policy-403")]
    [InlineData("permission-denied-missing-token-403")]
    public async Task PolicyDenialIsPermissionDeniedWithoutInvalidToken(string fixture)
    {
        using var vault = StubVault.ForFixture(fixture);

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Equal(VaultOutcome.PermissionDenied, read.Outcome);
        Assert.False(read.IsInvalidToken);
        Assert.Equal("permission denied", read.Error);
    }

    [Fact]
    public async Task LookupSelfDescribesTheTokenWithoutItsId()
    {
        using var vault = StubVault.ForFixture("token-lookup-self-200");

        var lookup = await vault.Sys.LookupSelfAsync();

        var info = lookup.Value!;
        Assert.Equal("approle", info.DisplayName);
        Assert.Equal(["default", "myapp"], info.Policies);
        Assert.Equal(2764724, info.Ttl);
        Assert.True(info.Renewable);
        Assert.Equal(DateTimeOffset.Parse("2024-12-24T16:53:26.9321221Z", CultureInfo.InvariantCulture), info.ExpireTime);
        Assert.DoesNotContain("hvs.", lookup.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hvs.", info.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootTokenLookupHasNoExpiry()
    {
        using var vault = StubVault.ForFixture("token-lookup-self-root-200");

        var info = (await vault.Sys.LookupSelfAsync()).Value!;

        Assert.Equal(new VaultTokenInfo("root", info.Policies, 0, false, null), info);
        Assert.Equal(["root"], info.Policies);
    }

    [Fact]
    public async Task RenewSelfReportsTheNewLease()
    {
        using var vault = StubVault.ForFixture("token-renew-self-200");

        var renewed = await vault.Sys.RenewSelfAsync(TimeSpan.FromHours(1));

        Assert.Equal(3600, renewed.Value!.LeaseDurationSeconds);
        Assert.True(renewed.Value.Renewable);
        Assert.Equal("3600s", (string?)vault.Single.Json!["increment"]);
    }

    [Fact]
    public async Task CappedRenewalIsOkWithVaultsWarning()
    {
        using var vault = StubVault.ForFixture("token-renew-self-capped-200");

        var renewed = await vault.Sys.RenewSelfAsync();

        Assert.Equal(2763742, renewed.Value!.LeaseDurationSeconds);
        Assert.Contains(renewed.Warnings, w => w.Contains("capped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MountProbeReportsAKvV2Mount()
    {
        using var vault = StubVault.ForFixture("sys-internal-ui-mounts-kv2-200");

        var mount = await vault.Sys.ReadMountAsync("secret/app/db");

        Assert.Equal(new VaultMountInfo("secret/", "kv", 2), mount.Value);
        Assert.Equal("/v1/sys/internal/ui/mounts/secret/app/db", vault.Single.Target);
    }

    [Fact]
    public async Task MountProbeDeniedIsPermissionDeniedNotV1()
    {
        using var vault = StubVault.ForFixture("sys-internal-ui-mounts-403");

        var mount = await vault.Sys.ReadMountAsync("nomount");

        Assert.Equal(VaultOutcome.PermissionDenied, mount.Outcome);
        Assert.Null(mount.Value);
    }

    [Fact]
    public async Task MountListReadsDataAndIgnoresTheTopLevelCopies()
    {
        using var vault = StubVault.ForFixture("sys-mounts-200");

        var mounts = await vault.Sys.ListMountsAsync();

        Assert.Equal([new VaultMountInfo("secret/", "kv", 2), new VaultMountInfo("sys/", "system", 0)], mounts.Value!);
    }

    [Theory]
    [InlineData("""{"data":{"path":"kv/","type":"kv","options":null}}""", 1)]
    [InlineData("""{"data":{"path":"kv/","type":"kv","options":{"version":""}}}""", 1)]
    [InlineData("""{"data":{"path":"kv/","type":"generic","options":{}}}""", 1)]
    [InlineData("""{"data":{"path":"kv/","type":"kv","options":{"version":"2"}}}""", 2)]
    [InlineData("""{"data":{"path":"pki/","type":"pki","options":null}}""", 0)]
    public async Task MountKvVersionFollowsTheCliDecisionTable(string body, int expected)
    {
        using var vault = new StubVault(StubHandler.Serving(200, body));

        var mount = await vault.Sys.ReadMountAsync("kv");

        Assert.Equal(expected, mount.Value!.KvVersion);
    }
}
