using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Ports.Registry;

/// <summary>What a registry write does.</summary>
public enum RegistryWriteKind
{
    /// <summary>Stores the registration (a new instance, or a changed one), with its status and times.</summary>
    Register = 0,

    /// <summary>Stores a new status, its output and when it changed.</summary>
    Status = 1,

    /// <summary>Removes the instance, asked by a client.</summary>
    Deregister = 2,

    /// <summary>Removes the instance because it stayed critical longer than its deregister_critical_after.</summary>
    Expire = 3,
}

/// <summary>
/// One write of one instance: the instance as it is to be (as it was, for a removal; its index is the store's to
/// set), and who asked, for the audit row written with it.
/// </summary>
public sealed record RegistryWrite(
    RegistryWriteKind Kind,
    RegistryInstance Instance,
    Guid EventId,
    string Actor,
    string RequestId,
    DateTimeOffset At,
    InstanceStatus? OldStatus = null);

/// <summary>What the store answered a registry write.</summary>
public enum RegistryWriteOutcome
{
    Written = 0,
    NotFound = 1,
    Unavailable = 2,
}

/// <summary>The store's answer: the instance as written (with its new index), whether it was new, or why not.</summary>
public sealed record RegistryWriteResult(RegistryWriteOutcome Outcome, RegistryInstance? Instance = null, bool Created = false, string? Detail = null);
