namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>
/// The contract's fixture bodies (shared/vault/fixtures next to the repository, found by walking up
/// from the test binaries; VAULT_CONTRACT_FIXTURES overrides).
/// </summary>
internal static class ContractFixtures
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Directory.Value, name));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("VAULT_CONTRACT_FIXTURES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "vault", "fixtures");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "shared/vault/fixtures not found above " + AppContext.BaseDirectory + "; set VAULT_CONTRACT_FIXTURES.");
    }
}
