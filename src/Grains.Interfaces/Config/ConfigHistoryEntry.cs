namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// One change: what the audit log recorded (never the value) and, when Vault still lists that
/// version, its state there. <see cref="Version"/> is the version the change created (the removed one for a delete).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigHistoryEntry")]
public sealed record ConfigHistoryEntry(
    [property: Id(0)] string Action,
    [property: Id(1)] long Version,
    [property: Id(2)] long OldVersion,
    [property: Id(3)] bool IsEncrypted,
    [property: Id(4)] string Actor,
    [property: Id(5)] string RequestId,
    [property: Id(6)] DateTimeOffset ChangedAt,
    [property: Id(7)] VaultVersionState? Vault);
