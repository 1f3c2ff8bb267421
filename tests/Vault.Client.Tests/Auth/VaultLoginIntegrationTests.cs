using System.Text.Json.Nodes;
using ConfigCluster.DevVault;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Vault.Client.Tests.Auth;

/// <summary>
/// Each login method against the dev Vault, set up over Vault's own API as an operator would: the client logs in,
/// its calls carry the issued token, and a refused login says why without a credential in it.
/// </summary>
public sealed class VaultLoginIntegrationTests : IAsyncLifetime
{
    private static readonly KvPath Key = KvPath.Create("login-tests", "value");
    private readonly string _directory = Directory.CreateTempSubdirectory("vault-login-").FullName;
    private DevVaultServer _vault = null!;
    private VaultAuthSetup _setup = null!;

    public async Task InitializeAsync()
    {
        _vault = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, RootToken = "login-root" });
        _setup = new VaultAuthSetup(_vault.Address, _vault.RootToken);
    }

    public async Task DisposeAsync()
    {
        _setup.Dispose();
        await _vault.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AnAppRoleLoginGetsATokenThatWritesAndReads()
    {
        var (roleId, secretId) = await _setup.AppRoleAsync("billing", tokenTtl: "1m", maxTtl: "10m");
        var secretFile = Path.Combine(_directory, "secret-id");
        await File.WriteAllTextAsync(secretFile, secretId + "\n");
        using var provider = Client(o => o.Auth = new VaultAuthOptions { Method = VaultAuthMethod.AppRole, RoleId = roleId, SecretIdFile = secretFile });

        var (written, read, self) = await WriteReadLookupAsync(provider);

        Assert.True(written.IsOk, written.ToString());
        Assert.Equal("v", (string?)read.Value!.Data!["value"]);
        Assert.InRange(self.Value!.Ttl, 1, 60);
        Assert.True(self.Value.Renewable);
        Assert.Contains("configcluster", self.Value.Policies);
    }

    [Fact]
    public async Task AKubernetesLoginWithTheServiceAccountsTokenGetsATokenThatWritesAndReads()
    {
        using var jwt = new ServiceAccountJwt();
        await _setup.KubernetesRoleAsync("configcluster", jwt.PublicKeyPem, "configcluster", "configcluster", tokenTtl: "1m");
        var jwtFile = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(jwtFile, jwt.For("configcluster", "configcluster"));
        using var provider = Client(o => o.Auth = new VaultAuthOptions { Method = VaultAuthMethod.Kubernetes, Role = "configcluster", JwtFile = jwtFile });

        var (written, read, self) = await WriteReadLookupAsync(provider);

        Assert.True(written.IsOk, written.ToString());
        Assert.Equal("v", (string?)read.Value!.Data!["value"]);
        Assert.InRange(self.Value!.Ttl, 1, 60);
    }

    [Fact]
    public async Task AKubernetesLoginFromAnotherServiceAccountIsRefusedWithVaultsReason()
    {
        using var jwt = new ServiceAccountJwt();
        await _setup.KubernetesRoleAsync("configcluster", jwt.PublicKeyPem, "configcluster", "configcluster", tokenTtl: "1m");
        var jwtFile = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(jwtFile, jwt.For("intruder", "configcluster"));
        using var provider = Client(o => o.Auth = new VaultAuthOptions { Method = VaultAuthMethod.Kubernetes, Role = "configcluster", JwtFile = jwtFile });

        var written = await provider.GetRequiredService<VaultKv2Client>().WriteAsync(Key, new JsonObject { ["value"] = "v" });
        var status = provider.GetRequiredService<VaultSysClient>().AuthStatus;

        Assert.Equal(VaultOutcome.Unavailable, written.Outcome);
        Assert.True(status.Refused);
        Assert.Contains("kubernetes login at auth/kubernetes/login refused", status.Problem, StringComparison.Ordinal);
        Assert.Contains("service account name not authorized", status.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecretIdIsRefusedWithVaultsReasonAndNoCredential()
    {
        var (roleId, _) = await _setup.AppRoleAsync("billing", tokenTtl: "1m", maxTtl: "10m");
        using var provider = Client(o => o.Auth = new VaultAuthOptions { Method = VaultAuthMethod.AppRole, RoleId = roleId, SecretId = "wrong-secret-id" });

        var written = await provider.GetRequiredService<VaultKv2Client>().WriteAsync(Key, new JsonObject { ["value"] = "v" });
        var status = provider.GetRequiredService<VaultSysClient>().AuthStatus;

        Assert.Equal(VaultOutcome.Unavailable, written.Outcome);
        Assert.Equal("approle login at auth/approle/login refused (400): invalid role or secret ID", status.Problem);
        Assert.DoesNotContain("wrong-secret-id", written.Error, StringComparison.Ordinal);
    }

    private ServiceProvider Client(Action<VaultOptions> configure) =>
        new ServiceCollection()
            .AddVaultClient(o =>
            {
                (o.Address, o.Timeout) = (_vault.Address, TimeSpan.FromSeconds(10));
                configure(o);
            })
            .BuildServiceProvider();

    private static async Task<(VaultResult<KvVersionMetadata> Written, VaultResult<KvSecret> Read, VaultResult<VaultTokenInfo> Self)> WriteReadLookupAsync(
        ServiceProvider provider)
    {
        var kv = provider.GetRequiredService<VaultKv2Client>();
        var written = await kv.WriteAsync(Key, new JsonObject { ["value"] = "v" });
        var read = await kv.ReadAsync(Key);
        var self = await provider.GetRequiredService<VaultSysClient>().LookupSelfAsync();
        return (written, read, self);
    }
}
