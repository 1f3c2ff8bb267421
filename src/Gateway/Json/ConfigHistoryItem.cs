namespace ConfigCluster.Gateway.Json;

/// <summary>One change: action, versions, who and when; <c>vault</c> is null once Vault no longer lists the version.</summary>
public sealed record ConfigHistoryItem(
    string Action,
    long Version,
    long OldVersion,
    bool IsEncrypted,
    string Actor,
    string RequestId,
    DateTime ChangedAt,
    VaultVersionItem? Vault)
{
    public static ConfigHistoryItem From(ConfigHistoryEntry entry) => new(
        entry.Action, entry.Version, entry.OldVersion, entry.IsEncrypted, entry.Actor, entry.RequestId,
        entry.ChangedAt.UtcDateTime,
        entry.Vault is { } v ? new VaultVersionItem(v.CreatedAt.UtcDateTime, v.Deleted, v.Destroyed) : null);
}
