namespace ConfigCluster.Vault.Client;

/// <summary>
/// One KV v2 version as Vault reports it after a write/patch and inside a read.
/// <paramref name="DeletionTime"/> is null when unset (Vault sends <c>""</c>); a future value means
/// the version is still readable and expires then (delete_version_after).
/// </summary>
public sealed record KvVersionMetadata(
    long Version,
    DateTimeOffset CreatedTime,
    DateTimeOffset? DeletionTime,
    bool Destroyed,
    IReadOnlyDictionary<string, string>? CustomMetadata);
