namespace ConfigCluster.DevVault.Http;

/// <summary>
/// The varying parts of Vault's response envelope. <see cref="Raw"/> marks bodies a plugin builds with
/// logical.RespondWithStatusCode (json.Marshal): no trailing newline and <c>mount_type</c> "".
/// <see cref="Auth"/> is the block of login and renew answers; the lease fields of such an envelope stay
/// <c>renewable:false, lease_duration:0</c>, as the token's own lease is reported inside the block.
/// </summary>
internal readonly record struct EnvelopeSpec(
    string MountType,
    IReadOnlyList<string>? Warnings = null,
    bool Raw = false,
    long LeaseDuration = 0,
    AuthBlock? Auth = null)
{
    public const string Kv = "kv";
    public const string System = "system";
    public const string Token = "token";

    /// <summary>Login answers: Vault's login path never sets the mount type.</summary>
    public const string Login = "";

    /// <summary>A KV plugin raw 404 body (deleted/destroyed version, invalid path).</summary>
    public static EnvelopeSpec KvRaw(IReadOnlyList<string>? warnings = null) => new("", warnings, Raw: true);
}
