namespace ConfigCluster.EndToEnd.Tests.VaultLogin;

/// <summary>
/// The system with the gateway silo logging in to the dev Vault by AppRole, with tokens that live 3 s and can be
/// renewed up to 9 s: within a few seconds the silo must renew, and within ten log in again.
/// </summary>
public sealed class AppRoleFixture : SystemFixture
{
    public const string Role = "e2e-silo";

    public string RoleId { get; private set; } = "";

    public string SecretId { get; private set; } = "";

    /// <summary>The silo's Vault settings with another secret id.</summary>
    public IReadOnlyList<string> ArgsWithSecretId(string secretId) =>
        [.. DependencyArgs.Where(a => !a.StartsWith("--VAULT_SECRET_ID=", StringComparison.Ordinal)), $"--VAULT_SECRET_ID={secretId}"];

    protected override async Task PrepareVaultAsync()
    {
        using var setup = new VaultAuthSetup(Vault.Address, Vault.RootToken);
        (RoleId, SecretId) = await setup.AppRoleAsync(Role, tokenTtl: "3s", maxTtl: "9s");
    }

    protected override IEnumerable<string> VaultLoginArgs =>
        ["--VAULT_AUTH_METHOD=approle", $"--VAULT_ROLE_ID={RoleId}", $"--VAULT_SECRET_ID={SecretId}"];
}
