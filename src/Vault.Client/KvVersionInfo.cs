namespace ConfigCluster.Vault.Client;

/// <summary>One entry of a KV v2 metadata <c>versions</c> map.</summary>
public sealed record KvVersionInfo(DateTimeOffset CreatedTime, DateTimeOffset? DeletionTime, bool Destroyed);
