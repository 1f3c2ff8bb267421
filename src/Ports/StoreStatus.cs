namespace ConfigCluster.Ports;

/// <summary>
/// Whether the store answers with a valid token, and how it is mounted; how the service authenticates to it
/// (<see cref="AuthMethod"/>, e.g. <c>approle</c>) and the token's remaining TTL in seconds (0: it does not expire;
/// null when unknown). Never the token.
/// </summary>
public sealed record StoreStatus(
    bool Connected, string MountPoint, int KvVersion, string? Detail = null, string? AuthMethod = null, long? TokenTtlSeconds = null);
