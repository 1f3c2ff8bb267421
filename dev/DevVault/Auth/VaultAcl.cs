using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// The three canned policies of <see cref="DevVaultPolicy"/>, plus what Vault's default policy grants every
/// token (looking itself up, renewing and revoking itself) and the root-protected sys/auth paths, which only
/// sudo tokens (root, added AllowAll tokens) may use.
/// </summary>
internal static class VaultAcl
{
    private static readonly string[] DefaultPolicyPaths = ["auth/token/lookup-self", "auth/token/renew-self", "auth/token/revoke-self"];

    public static bool Allows(TokenEntry token, VaultOperation operation, string path)
    {
        if (Array.IndexOf(DefaultPolicyPaths, path) >= 0)
        {
            return true;
        }

        if (path == "sys/auth" || path.StartsWith("sys/auth/", StringComparison.Ordinal))
        {
            return token.Sudo;
        }

        return token.Policy == DevVaultPolicy.AllowAll
            || (token.Policy == DevVaultPolicy.ReadOnly && operation is VaultOperation.Read or VaultOperation.List);
    }

    /// <summary>The check sys/internal/ui/mounts uses: any capability below the mount.</summary>
    public static bool HasMountAccess(TokenEntry token) => token.Policy != DevVaultPolicy.DenyAll;
}
