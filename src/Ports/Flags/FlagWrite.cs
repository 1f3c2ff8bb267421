namespace ConfigCluster.Ports.Flags;

/// <summary>What a flag write does.</summary>
public enum FlagWriteKind
{
    Create = 0,
    Update = 1,
    Delete = 2,
}

/// <summary>
/// One write of one flag: its definition (none for a delete), the version it is conditional on (null: any; a
/// create needs none), and who asked, for the audit row written with it (entity <c>flag</c>).
/// </summary>
public sealed record FlagWrite(
    FlagWriteKind Kind,
    string Environment,
    string Key,
    string? DefinitionJson,
    long? ExpectedVersion,
    Guid EventId,
    string Actor,
    string RequestId,
    DateTimeOffset At);

/// <summary>What the store answered a flag write.</summary>
public enum FlagWriteOutcome
{
    Written = 0,
    AlreadyExists = 1,
    NotFound = 2,

    /// <summary>The flag's version is not the one the write was conditional on: nothing changed.</summary>
    VersionMismatch = 3,

    Unavailable = 4,
}

/// <summary>The store's answer: the flag as written (null after a delete), or why not.</summary>
public sealed record FlagWriteResult(FlagWriteOutcome Outcome, StoredFlag? Flag = null, long? CurrentVersion = null, string? Detail = null);
