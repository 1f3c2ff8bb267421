using ConfigCluster.DevVault.AuthMethods.AppRole;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>The auth method types this server can enable (Vault's plugin catalog, cut down to the builtins offered here).</summary>
internal static class AuthMethodCatalog
{
    public static AuthMethod? Create(string type) => type switch
    {
        "approle" => new AuthMethod(new AppRoleBackend(), VaultIdentity.SystemPluginVersion),
        _ => null,
    };
}
