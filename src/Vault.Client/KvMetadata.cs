namespace ConfigCluster.Vault.Client;

/// <summary>
/// A KV v2 key's metadata. <paramref name="MaxVersions"/> 0 means the mount's setting (or 10);
/// <paramref name="DeleteVersionAfter"/> is Vault's Go duration text (<c>"0s"</c> when unset);
/// <paramref name="OldestVersion"/> stays 0 until the first pruning.
/// </summary>
public sealed record KvMetadata(
    long CurrentVersion,
    long OldestVersion,
    int MaxVersions,
    bool CasRequired,
    DateTimeOffset CreatedTime,
    DateTimeOffset UpdatedTime,
    string DeleteVersionAfter,
    IReadOnlyDictionary<string, string>? CustomMetadata,
    IReadOnlyDictionary<long, KvVersionInfo> Versions);
