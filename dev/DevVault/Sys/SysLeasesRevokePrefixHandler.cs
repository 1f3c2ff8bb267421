using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// sys/leases/revoke-prefix/{prefix} (PUT/POST, 204): revokes every token issued on a path below the prefix, e.g.
/// <c>auth/approle/login</c> (what <c>vault token revoke -mode=path</c> and <c>vault lease revoke -prefix</c> send).
/// The dev Vault leases nothing but tokens, so tokens are all there is to revoke.
/// </summary>
internal static class SysLeasesRevokePrefixHandler
{
    private const string Prefix = "sys/leases/revoke-prefix/";

    public static bool Serves(string path) => path.StartsWith(Prefix, StringComparison.Ordinal) && path.Length > Prefix.Length;

    public static VaultResponse Handle(DevVaultState state, LogicalRequest request)
    {
        if (request.Operation != VaultOperation.Update)
        {
            return VaultErrors.UnsupportedOperation;
        }

        state.Tokens.RevokeCreatedBelow(request.Path[Prefix.Length..]);
        return VaultResponse.NoContent;
    }
}
