using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// GET sys/internal/ui/mounts/{path} (the CLI's KV version probe). An unauthenticated path in Vault:
/// an unknown mount answers the preflight 403 whatever the token; otherwise the token must exist and
/// have some access below the mount.
/// </summary>
internal static class SysInternalUiMountsHandler
{
    public static VaultResponse Handle(DevVaultState state, LogicalRequest request, string path)
    {
        string sanitized = path.TrimStart('/');
        sanitized = sanitized.EndsWith('/') ? sanitized : sanitized + "/";
        VaultResponse preflight = VaultErrors.Of(403,
            $"preflight capability check returned 403, please ensure client's policies grant access to path {GoQuote.Quote(sanitized)}");
        MountEntry? mount = state.Mounts.Match(sanitized);
        if (mount is null || path.Length == 0)
        {
            return preflight;
        }

        if (string.IsNullOrEmpty(request.Token))
        {
            return VaultErrors.MissingToken;
        }

        TokenEntry? caller = state.Tokens.Find(request.Token);
        if (caller is null)
        {
            return VaultErrors.InvalidToken;
        }

        return VaultAcl.HasMountAccess(caller)
            ? VaultEnvelopeWriter.Write(200, new EnvelopeSpec(""), mount, static (writer, m) => MountInfoWriter.WriteKv(writer, m, includePath: true))
            : preflight;
    }
}
