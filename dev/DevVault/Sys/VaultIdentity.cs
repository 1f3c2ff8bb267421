namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// The Vault era this server imitates (vault-kv-contract §0): Vault 1.21 with the KV plugin v0.25 —
/// top-level <c>mount_type</c>, "invalid token" in unknown-token 403s, KV attribution fields,
/// malformed JSON answered 500 with Go's tokenizer text, 413 "http: request body too large".
/// </summary>
internal static class VaultIdentity
{
    public const string Version = "1.21.0";
    public const string KvPluginVersion = "v0.25.0+builtin";
    public const string SystemPluginVersion = "v" + Version + "+builtin.vault";

    /// <summary>Default (and max) lease TTL of a dev server: 768h.</summary>
    public const long DefaultLeaseSeconds = 768 * 3600;
}
