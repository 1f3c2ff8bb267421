namespace ConfigCluster.Vault.Client;

/// <summary>
/// A mount as <c>sys/internal/ui/mounts</c> or <c>sys/mounts</c> describes it. <paramref name="Path"/> has
/// a trailing <c>/</c> as Vault sends it; <paramref name="KvVersion"/> is 1 or 2 for <c>kv</c>/<c>generic</c>
/// mounts and 0 for other engine types.
/// </summary>
public sealed record VaultMountInfo(string Path, string Type, int KvVersion);
