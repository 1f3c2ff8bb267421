using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.AuthMethods;
using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;
using ConfigCluster.DevVault.Mounts;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// Vault's core request handling for /v1/ logical paths, in order: sealed (503, before any token
/// check), write to a path ending in '/' (400), an auth method's login path (no token needed), token (403),
/// ACL (403), then the mount's backend.
/// </summary>
internal sealed class LogicalRouter(DevVaultState state)
{
    private const string UiMountsPrefix = "sys/internal/ui/mounts/";
    private readonly SystemRouter _system = new(state);
    private readonly TokenBackend _tokens = new(state);

    public VaultResponse Route(LogicalRequest request)
    {
        if (state.IsSealed)
        {
            return VaultErrors.Sealed;
        }

        if (request.Operation is VaultOperation.Update or VaultOperation.Patch && request.Path.EndsWith('/'))
        {
            return VaultErrors.TrailingSlashWrite;
        }

        if (request.Path.StartsWith(UiMountsPrefix, StringComparison.Ordinal) && request.Operation == VaultOperation.Read)
        {
            return SysInternalUiMountsHandler.Handle(state, request, request.Path[UiMountsPrefix.Length..]);
        }

        if (state.AuthMounts.Match(request.Path) is { } method && method.Backend!.IsLoginPath(AuthMountTable.Relative(method, request.Path)))
        {
            return RouteToAuthMethod(method, request);
        }

        if (Authenticate(request) is { } authError)
        {
            return authError;
        }

        return RouteAuthenticated(request);
    }

    private VaultResponse? Authenticate(LogicalRequest request)
    {
        if (string.IsNullOrEmpty(request.Token))
        {
            return VaultErrors.MissingToken;
        }

        request.Caller = state.Tokens.Find(request.Token);
        return request.Caller is null ? VaultErrors.InvalidToken : null;
    }

    private VaultResponse RouteAuthenticated(LogicalRequest request)
    {
        TokenEntry caller = request.Caller!;
        if (!VaultAcl.Allows(caller, request.Operation, request.Path))
        {
            return VaultErrors.PolicyDenied;
        }

        if (request.Path.StartsWith("sys/", StringComparison.Ordinal) || request.Path == "sys")
        {
            return _system.Route(request);
        }

        if (request.Path.StartsWith("auth/token/", StringComparison.Ordinal))
        {
            return _tokens.Route(request);
        }

        if (request.Path.StartsWith(AuthMountTable.RoutePrefix, StringComparison.Ordinal))
        {
            return state.AuthMounts.Match(request.Path) is { } method
                ? RouteToAuthMethod(method, request)
                : VaultErrors.NoHandler(request.Path);
        }

        MountEntry? mount = state.Mounts.Match(request.Path);
        if (mount is null)
        {
            return VaultErrors.NoHandler(request.Path);
        }

        string relative = MountTable.Relative(mount, request.Path);
        return mount.V2 is { } store
            ? Kv2Router.Route(new Kv2Context(store, request, state.Time.GetUtcNow()), relative)
            : Kv1Handler.Handle(mount.V1!, request, relative);
    }

    private VaultResponse RouteToAuthMethod(AuthMount method, LogicalRequest request) =>
        method.Backend!.Handle(new AuthContext(request, AuthMountTable.Relative(method, request.Path), method, state));
}
