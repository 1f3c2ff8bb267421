using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>An enabled auth method's backend: its paths below <c>auth/{mount}/</c>, and the renew callback of its tokens.</summary>
internal interface IAuthBackend : IRenewalSource
{
    /// <summary>Whether Vault serves this path below the mount without a token (the backend's unauthenticated paths).</summary>
    bool IsLoginPath(string path);

    VaultResponse Handle(AuthContext context);
}
