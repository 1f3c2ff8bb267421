namespace ConfigCluster.DevVault.Http;

/// <summary>
/// The varying parts of Vault's response envelope. <see cref="Raw"/> marks bodies a plugin builds with
/// logical.RespondWithStatusCode (json.Marshal): no trailing newline and <c>mount_type</c> "".
/// </summary>
internal readonly record struct EnvelopeSpec(
    string MountType,
    IReadOnlyList<string>? Warnings = null,
    bool Raw = false,
    long LeaseDuration = 0)
{
    public const string Kv = "kv";
    public const string System = "system";
    public const string Token = "token";

    /// <summary>A KV plugin raw 404 body (deleted/destroyed version, invalid path).</summary>
    public static EnvelopeSpec KvRaw(IReadOnlyList<string>? warnings = null) => new("", warnings, Raw: true);
}
