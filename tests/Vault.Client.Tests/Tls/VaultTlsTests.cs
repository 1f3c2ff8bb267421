using System.Text.Json.Nodes;
using ConfigCluster.DevVault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client.Tests.Tls;

/// <summary>
/// TLS to a dev Vault that serves HTTPS with a CA of its own (as <c>vault server -dev -dev-tls</c>): the pinned CA
/// passes, another CA or a name the certificate does not have fails with a message that says which setting to look at.
/// </summary>
public sealed class VaultTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vault-tls-").FullName;
    private DevVaultServer _vault = null!;

    public async Task InitializeAsync() =>
        _vault = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, RootToken = "tls-root", TlsCertDirectory = Path.Combine(_directory, "server") });

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TheDevVaultServesHttpsWithACaItWritesForClientsToPin()
    {
        Assert.Equal("https", _vault.Address.Scheme);
        Assert.True(File.Exists(Path.Combine(_directory, "server", "vault-ca.pem")));
        Assert.True(File.Exists(Path.Combine(_directory, "server", "vault-cert.pem")));
        Assert.True(File.Exists(Path.Combine(_directory, "server", "vault-key.pem")));
    }

    [Fact]
    public async Task AClientThatPinsTheCaWritesAndReads()
    {
        using var clients = Clients(tls => tls.CaCert = Path.Combine(_directory, "server", "vault-ca.pem"));

        var written = await clients.Kv2.WriteAsync(KvPath.Create("tls", "pinned"), new JsonObject { ["value"] = "a" });
        var read = await clients.Kv2.ReadAsync(KvPath.Create("tls", "pinned"));

        Assert.True(written.IsOk, written.ToString());
        Assert.Equal("a", (string?)read.Value!.Data!["value"]);
    }

    [Fact]
    public async Task ADirectoryOfCasIsTrustedLikeAFile()
    {
        var caPath = Directory.CreateDirectory(Path.Combine(_directory, "cas")).FullName;
        File.Copy(Path.Combine(_directory, "server", "vault-ca.pem"), Path.Combine(caPath, "dev.pem"));
        File.WriteAllText(Path.Combine(caPath, "README"), "not a certificate");
        using var clients = Clients(tls => tls.CaPath = caPath);

        Assert.True((await clients.Sys.HealthAsync()).IsOk);
    }

    [Fact]
    public async Task AnotherCaFailsWithAMessageNamingTheCaSettings()
    {
        await using var other = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, TlsCertDirectory = Path.Combine(_directory, "other") });
        using var clients = Clients(tls => tls.CaCert = Path.Combine(_directory, "other", "vault-ca.pem"));

        var read = await clients.Kv2.ReadAsync(KvPath.Create("tls", "any"));

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Contains("TLS handshake failed", read.Error, StringComparison.Ordinal);
        Assert.Contains("VAULT_CACERT", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACaTheSystemTrustRefusesTheDevCertificate()
    {
        using var clients = Clients(_ => { });

        var health = await clients.Sys.HealthAsync();

        Assert.Equal(VaultOutcome.Unavailable, health.Outcome);
        Assert.Contains("set VAULT_CACERT", health.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerNameIsTheOneSentAndLookedForInTheCertificate()
    {
        var ca = Path.Combine(_directory, "server", "vault-ca.pem");
        using var named = Clients(tls => (tls.CaCert, tls.ServerName) = (ca, "localhost"));
        using var misnamed = Clients(tls => (tls.CaCert, tls.ServerName) = (ca, "vault.example"));

        var good = await named.Sys.HealthAsync();
        var bad = await misnamed.Sys.HealthAsync();

        Assert.True(good.IsOk, good.ToString());
        Assert.Equal(VaultOutcome.Unavailable, bad.Outcome);
        Assert.Contains("VAULT_TLS_SERVER_NAME (vault.example)", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkippingVerificationWorksInDevelopment()
    {
        using var clients = Clients(tls => tls.SkipVerify = true, environment: "Development");

        Assert.True((await clients.Sys.HealthAsync()).IsOk);
    }

    [Fact]
    public void SkippingVerificationIsRefusedOutsideDevelopment()
    {
        using var clients = Clients(tls => tls.SkipVerify = true, environment: "Production");

        var refused = Assert.Throws<OptionsValidationException>(() => clients.Sys);

        Assert.Contains("VAULT_SKIP_VERIFY", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFilesAndAHalfClientCertificateAreRefusedAtStart()
    {
        var options = new VaultOptions { Token = "t" };
        options.Tls.CaCert = Path.Combine(_directory, "missing.pem");
        options.Tls.ClientCert = Path.Combine(_directory, "server", "vault-cert.pem");

        var result = new VaultOptionsValidator().Validate(null, options);

        Assert.Contains("VAULT_CACERT", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("give both or neither", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("F", false)]
    public void TheStandardVariablesFillTheTlsOptions(string skip, bool expected)
    {
        var options = new VaultOptions();
        var variables = new Dictionary<string, string>
        {
            ["VAULT_CACERT"] = "/etc/vault/ca.pem",
            ["VAULT_CAPATH"] = "/etc/vault/cas",
            ["VAULT_CLIENT_CERT"] = "/etc/vault/client.pem",
            ["VAULT_CLIENT_KEY"] = "/etc/vault/client-key.pem",
            ["VAULT_TLS_SERVER_NAME"] = "vault.internal",
            ["VAULT_SKIP_VERIFY"] = skip,
        };

        Client.Internal.VaultOptionsSetup.ApplyFlat(options, name => variables.GetValueOrDefault(name));

        Assert.Equal(("/etc/vault/ca.pem", "/etc/vault/cas", "/etc/vault/client.pem", "/etc/vault/client-key.pem", "vault.internal", expected),
            (options.Tls.CaCert, options.Tls.CaPath, options.Tls.ClientCert, options.Tls.ClientKey, options.Tls.ServerName, options.Tls.SkipVerify));
    }

    private ProviderClients Clients(Action<VaultTlsOptions> tls, string environment = "Production")
    {
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment(environment))
            .AddVaultClient(o =>
            {
                (o.Address, o.Token, o.Timeout) = (_vault.Address, _vault.RootToken, TimeSpan.FromSeconds(10));
                tls(o.Tls);
            });
        return new ProviderClients(services.BuildServiceProvider());
    }

    private sealed class ProviderClients(ServiceProvider provider) : IDisposable
    {
        public VaultKv2Client Kv2 => provider.GetRequiredService<VaultKv2Client>();

        public VaultSysClient Sys => provider.GetRequiredService<VaultSysClient>();

        public void Dispose() => provider.Dispose();
    }

    private sealed class TestEnvironment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
