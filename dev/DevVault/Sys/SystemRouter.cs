using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Sys;

/// <summary>The authenticated sys/ paths this server implements (sys/mounts, sys/auth, sys/leases/revoke-prefix); the rest is "unsupported path".</summary>
internal sealed class SystemRouter(DevVaultState state)
{
    public VaultResponse Route(LogicalRequest request)
    {
        if (SysAuthHandler.Serves(request.Path))
        {
            return SysAuthHandler.Handle(state, request);
        }

        if (SysLeasesRevokePrefixHandler.Serves(request.Path))
        {
            return SysLeasesRevokePrefixHandler.Handle(state, request);
        }

        if (request.Path != "sys/mounts")
        {
            return VaultErrors.UnsupportedPath;
        }

        return request.Operation == VaultOperation.Read
            ? SysMountsHandler.ReadAll(state)
            : VaultErrors.UnsupportedOperation;
    }
}
