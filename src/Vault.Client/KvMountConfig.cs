namespace ConfigCluster.Vault.Client;

/// <summary>A KV v2 mount's <c>config</c> endpoint: <paramref name="MaxVersions"/> 0 means 10.</summary>
public sealed record KvMountConfig(int MaxVersions, bool CasRequired, string DeleteVersionAfter);
