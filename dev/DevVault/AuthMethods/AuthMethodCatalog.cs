using ConfigCluster.DevVault.AuthMethods.AppRole;
using ConfigCluster.DevVault.AuthMethods.Kubernetes;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>The auth method types this server can enable (Vault's plugin catalog, cut down to two builtins).</summary>
internal static class AuthMethodCatalog
{
    /// <summary>The kubernetes plugin release Vault 1.21 ships.</summary>
    private const string KubernetesPluginVersion = "v0.23.0+builtin";

    public static AuthMethod? Create(string type) => type switch
    {
        "approle" => new AuthMethod(new AppRoleBackend(), VaultIdentity.SystemPluginVersion),
        "kubernetes" => new AuthMethod(new KubernetesBackend(), KubernetesPluginVersion),
        _ => null,
    };
}
