using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// The auth/token/ paths this server implements: lookup-self, renew-self, revoke-self, revoke and
/// revoke-accessor; any other path is "unsupported path".
/// </summary>
internal sealed class TokenBackend(DevVaultState state)
{
    private const string Prefix = "auth/token/";

    public VaultResponse Route(LogicalRequest request)
    {
        string path = request.Path.StartsWith(Prefix, StringComparison.Ordinal) ? request.Path[Prefix.Length..] : "";
        return path switch
        {
            "lookup-self" => request.Operation is VaultOperation.Read or VaultOperation.Update
                ? TokenLookupHandler.LookupSelf(request.Caller!, state.Time.GetUtcNow())
                : VaultErrors.UnsupportedOperation,
            "renew-self" => UpdateOnly(request, () => TokenRenewHandler.RenewSelf(state, request)),
            "revoke-self" => UpdateOnly(request, () => TokenRevokeHandler.RevokeSelf(state, request)),
            "revoke" => UpdateOnly(request, () => TokenRevokeHandler.Revoke(state, request)),
            "revoke-accessor" => UpdateOnly(request, () => TokenRevokeHandler.RevokeAccessor(state, request)),
            _ => VaultErrors.UnsupportedPath,
        };
    }

    private static VaultResponse UpdateOnly(LogicalRequest request, Func<VaultResponse> handle) =>
        request.Operation == VaultOperation.Update ? handle() : VaultErrors.UnsupportedOperation;
}
