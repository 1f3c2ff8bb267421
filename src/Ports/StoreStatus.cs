namespace ConfigCluster.Ports;

/// <summary>Whether the store answers with a valid token, and how it is mounted.</summary>
public sealed record StoreStatus(bool Connected, string MountPoint, int KvVersion, string? Detail = null);
