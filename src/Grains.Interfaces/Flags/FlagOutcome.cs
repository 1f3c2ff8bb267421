namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>How a flag operation ended; the gateway maps each to one HTTP status.</summary>
public enum FlagOutcome
{
    Ok = 0,
    Created = 1,
    Deleted = 2,
    NotFound = 3,
    AlreadyExists = 4,

    /// <summary>The write was conditional on a version the flag no longer has: nothing changed.</summary>
    VersionMismatch = 5,

    /// <summary>The definition breaks a rule; <see cref="FlagResult.Problems"/> says which.</summary>
    Invalid = 6,

    /// <summary>The flag store (PostgreSQL) did not answer: nothing changed.</summary>
    Unavailable = 7,
}
