using System.Text.Json.Nodes;
using ConfigCluster.DevVault;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>
/// <c>VAULT_TOKEN_FILE</c>: the token is read from a file, as a Vault Agent sink writes it, and read again when the
/// file changes, so a token the agent replaces is the one the next calls carry.
/// </summary>
public sealed class VaultTokenFileTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("vault-token-file-").FullName;
    private DevVaultServer _vault = null!;

    private string TokenFile => Path.Combine(_directory, "token");

    public async Task InitializeAsync()
    {
        _vault = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, RootToken = "file-root" });
        _vault.State.AddToken("agent-token-1", DevVaultPolicy.AllowAll);
        _vault.State.AddToken("agent-token-2", DevVaultPolicy.AllowAll);
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheTokenInTheFileIsUsedAndAReplacedOneIsPickedUp()
    {
        await File.WriteAllTextAsync(TokenFile, "agent-token-1\n");
        using var provider = new ServiceCollection()
            .AddVaultClient(o => (o.Address, o.TokenFile, o.Timeout) = (_vault.Address, TokenFile, TimeSpan.FromSeconds(10)))
            .BuildServiceProvider();
        var kv = provider.GetRequiredService<VaultKv2Client>();
        var path = KvPath.Create("agent", "value");

        var first = await kv.WriteAsync(path, new JsonObject { ["value"] = "a" });
        await File.WriteAllTextAsync(TokenFile, "revoked-token");
        var refused = await Eventually.ValueAsync(() => kv.ReadAsync(path), r => r.Outcome == VaultOutcome.PermissionDenied, Within);
        await File.WriteAllTextAsync(TokenFile, "agent-token-2");
        var renewed = await Eventually.ValueAsync(() => kv.ReadAsync(path), r => r.IsOk, Within);

        Assert.True(first.IsOk, first.ToString());
        Assert.Equal(VaultOutcome.PermissionDenied, refused.Outcome);
        Assert.Equal("a", (string?)renewed.Value!.Data!["value"]);
    }

    [Fact]
    public void ATokenAndATokenFileTogetherOrAMissingFileAreRefusedAtStart()
    {
        var both = new VaultOptionsValidator().Validate(null, new VaultOptions { Token = "t", TokenFile = TokenFile });
        var missing = new VaultOptionsValidator().Validate(null, new VaultOptions { TokenFile = Path.Combine(_directory, "none") });

        Assert.Contains("not both", both.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("VAULT_TOKEN_FILE", missing.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStandardVariableNamesTheFile()
    {
        var options = new VaultOptions();

        Client.Internal.VaultOptionsSetup.ApplyFlat(options, name => name == "VAULT_TOKEN_FILE" ? "/vault/agent/token" : null);

        Assert.Equal("/vault/agent/token", options.TokenFile);
    }
}
