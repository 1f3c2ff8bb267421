using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>The three canned policies of <see cref="DevVaultPolicy"/>, plus Vault's default policy.</summary>
internal static class VaultAcl
{
    public static bool Allows(TokenEntry token, VaultOperation operation, string path)
    {
        if (token.Policy == DevVaultPolicy.AllowAll || path == "auth/token/lookup-self")
        {
            return true;
        }

        return token.Policy == DevVaultPolicy.ReadOnly && operation is VaultOperation.Read or VaultOperation.List;
    }

    /// <summary>The check sys/internal/ui/mounts uses: any capability below the mount.</summary>
    public static bool HasMountAccess(TokenEntry token) => token.Policy != DevVaultPolicy.DenyAll;
}
