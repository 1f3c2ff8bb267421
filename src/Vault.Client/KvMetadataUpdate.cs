namespace ConfigCluster.Vault.Client;

/// <summary>
/// A KV v2 metadata write: only the non-null fields are sent. <paramref name="CustomMetadata"/> replaces
/// the whole map; <paramref name="DeleteVersionAfter"/> is a Go duration such as <c>"3h25m19s"</c>.
/// </summary>
public sealed record KvMetadataUpdate(
    int? MaxVersions = null,
    bool? CasRequired = null,
    string? DeleteVersionAfter = null,
    IReadOnlyDictionary<string, string>? CustomMetadata = null);
