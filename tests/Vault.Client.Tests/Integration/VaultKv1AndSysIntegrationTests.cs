using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>
/// The KV v1 and sys clients against the same server as <see cref="VaultKv2IntegrationTests"/>.
/// </summary>
[Collection(VaultTargetCollection.Name)]
public sealed class VaultKv1AndSysIntegrationTests(VaultTargetFixture vault)
{
    private static JsonObject Data(string value) => new() { ["value"] = value, ["is_encrypted"] = false };

    [Fact]
    public async Task Kv1SecretRoundTrips()
    {
        var key = vault.Key("kv1", "secret");

        Assert.True((await vault.Kv1.WriteAsync(key, Data("one"))).IsOk);
        var read = await vault.Kv1.ReadAsync(key);
        var listed = await vault.Kv1.ListAsync(vault.Key("kv1"));
        Assert.True((await vault.Kv1.DeleteAsync(key)).IsOk);

        Assert.Equal("one", (string?)read.Value!["value"]);
        Assert.Equal(["secret"], listed.Value!);
        Assert.Equal(VaultOutcome.NotFound, (await vault.Kv1.ReadAsync(key)).Outcome);
    }

    [Fact]
    public async Task HealthReportsAnActiveUnsealedVault()
    {
        var health = await vault.Sys.HealthAsync();

        Assert.True(health.IsOk, health.ToString());
        Assert.True(health.Value!.Initialized);
        Assert.False(health.Value.Sealed);
        Assert.Equal(200, health.Value.HttpStatus);
        Assert.False(string.IsNullOrEmpty(health.Value.Version));
    }

    [Fact]
    public async Task LookupSelfDescribesTheToken()
    {
        var lookup = await vault.Sys.LookupSelfAsync();

        Assert.True(lookup.IsOk, lookup.ToString());
        Assert.NotEmpty(lookup.Value!.Policies);
        if (!vault.IsRealVault)
        {
            Assert.Equal(["root"], lookup.Value.Policies);
        }
    }

    [Fact]
    public async Task IsConnectedIsTrueForAReachableVault() => Assert.True(await vault.Sys.IsConnectedAsync());

    [Fact]
    public async Task AnUnknownTokenIsPermissionDenied()
    {
        using var stranger = new VaultClients(vault.Address, "hvs.not-a-real-token", vault.Kv2Mount);

        var lookup = await stranger.Sys.LookupSelfAsync();

        Assert.Equal(VaultOutcome.PermissionDenied, lookup.Outcome);
        Assert.False(await stranger.Sys.IsConnectedAsync());
    }

    [Fact]
    public async Task AMountThatDoesNotExistIsAConfigurationErrorNotNotFound()
    {
        var read = await vault.Kv2.WithMount(vault.Prefix + "-no-such-mount").ReadAsync(vault.Key("a"));

        // A root-like token gets 404 "no handler for route"; a narrower token on a real Vault gets the policy 403 first.
        var expected = vault.IsRealVault ? new[] { VaultOutcome.Rejected, VaultOutcome.PermissionDenied } : [VaultOutcome.Rejected];
        Assert.Contains(read.Outcome, expected);
    }

    [Fact]
    public async Task MountProbeReportsEachMountsKvVersion()
    {
        var kv2 = await vault.Sys.ReadMountAsync(vault.Kv2Mount);
        var kv1 = await vault.Sys.ReadMountAsync(vault.Kv1Mount);

        Assert.Equal(2, kv2.Value!.KvVersion);
        Assert.Equal(1, kv1.Value!.KvVersion);
    }
}
