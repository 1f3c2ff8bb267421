namespace ConfigCluster.Gateway.Json;

/// <summary>
/// Two environments compared key by key, for the services the caller may read in both: keys only in <c>from</c>,
/// only in <c>to</c>, keys whose value or encryption differ (each side's <c>is_encrypted</c> and a SHA-256 prefix
/// of its value), equal keys, and encrypted keys not compared because the caller may not reveal them. Never a value.
/// </summary>
public sealed record EnvironmentCompareResponse(
    string From,
    string To,
    string? ServiceName,
    IReadOnlyList<EnvironmentKey> OnlyInFrom,
    IReadOnlyList<EnvironmentKey> OnlyInTo,
    IReadOnlyList<EnvironmentDifference> Different,
    IReadOnlyList<EnvironmentKey> Equal,
    IReadOnlyList<EnvironmentNotCompared> NotCompared);

public sealed record EnvironmentKey(string ServiceName, string Key);

/// <summary>A key whose value or encryption differs between the two environments.</summary>
public sealed record EnvironmentDifference(string ServiceName, string Key, EnvironmentSide From, EnvironmentSide To);

/// <summary>
/// One side of a difference: its flag, and the first 16 hex digits of the SHA-256 of its UTF-8 value (null for an
/// encrypted value the caller may not reveal).
/// </summary>
public sealed record EnvironmentSide(bool IsEncrypted, string? ValueSha256);

public sealed record EnvironmentNotCompared(string ServiceName, string Key, string Reason);
