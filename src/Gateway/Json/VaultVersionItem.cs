namespace ConfigCluster.Gateway.Json;

public sealed record VaultVersionItem(DateTime CreatedAt, bool Deleted, bool Destroyed);
