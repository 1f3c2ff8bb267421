using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>A request routed to an auth method: the request, its path below the mount, the mount and the state.</summary>
internal sealed record AuthContext(LogicalRequest Request, string Path, AuthMount Mount, DevVaultState State)
{
    public VaultOperation Operation => Request.Operation;

    public DateTimeOffset Now => State.Time.GetUtcNow();

    /// <summary>Non-login answers of an auth method carry its type as <c>mount_type</c>.</summary>
    public string MountType => Mount.Type;
}
