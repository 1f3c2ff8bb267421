namespace ConfigCluster.DevVault;

/// <summary>A KV secrets engine mount: <paramref name="Path"/> like <c>secret</c> or <c>team/kv</c>; <paramref name="KvVersion"/> 1 or 2.</summary>
public sealed record DevVaultMount(string Path, int KvVersion);
