namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>The expected outcomes of a config operation; each maps to one HTTP status at the edge.</summary>
public enum ConfigOutcome
{
    /// <summary>Done; the result carries the config (none for delete).</summary>
    Ok = 0,

    /// <summary>Created; the result carries the config at version 1.</summary>
    Created = 1,

    /// <summary>No such config (or no such version).</summary>
    NotFound = 2,

    /// <summary>Create of a config that exists.</summary>
    AlreadyExists = 3,

    /// <summary>
    /// The secret was changed in Vault outside the service since this service last saw it: the write was
    /// refused rather than overwrite that change. Re-read and retry.
    /// </summary>
    ChangedOutsideService = 4,

    /// <summary>Vault did not answer, is sealed, or refused the token: nothing changed.</summary>
    VaultUnavailable = 5,

    /// <summary>The request itself is invalid (names, value size, limits).</summary>
    Invalid = 6,

    /// <summary>A dependency other than Vault that a write requires is down: nothing changed.</summary>
    DependencyUnavailable = 7,

    /// <summary>
    /// A write Vault did not answer (a timeout, a connection lost mid-request): it may or may not have been
    /// applied. A retry with the same idempotency key learns which, and applies it at most once.
    /// </summary>
    OutcomeUnknown = 8,

    /// <summary>The idempotency key was used for a different request (another config, operation or body).</summary>
    IdempotencyKeyReused = 9,

    /// <summary>
    /// The idempotency key's write was applied, but its config was deleted since, so its first answer cannot
    /// be repeated; nothing was written now.
    /// </summary>
    IdempotencyKeySuperseded = 10,

    /// <summary>The write named the version it expected (<c>If-Match</c>) and the config is at another: nothing was written.</summary>
    PreconditionFailed = 11,

    /// <summary>The version asked for is no longer kept by Vault (deleted or destroyed, or dropped by max_versions).</summary>
    VersionGone = 12,
}
