namespace ConfigCluster.Grains.Config;

/// <summary>The details the API shows for expected outcomes. None ever contains a value.</summary>
internal static class ConfigMessages
{
    public const string NotFound = "Configuration not found.";
    public const string VersionNotFound = "That version of the configuration does not exist or is no longer kept by Vault.";
    public const string NotAConfig = "The Vault secret at this path is not a configuration (it has no string 'value').";
    public const string AlreadyExists = "A configuration with this key already exists for this environment and service.";
    public const string VaultUnavailableOnRead = "Vault is not available: the configuration cannot be read.";

    public const string ChangedOutsideService =
        "The configuration was changed in Vault outside this service since the service last read it; " +
        "nothing was written. Read it again and retry.";

    public const string IdempotencyKeyReused =
        "This Idempotency-Key was used for a different request (another configuration, operation, caller or body); " +
        "nothing was written. Use a new key for a new request.";

    public const string IdempotencyKeySuperseded =
        "The write made with this Idempotency-Key was applied, but the configuration has been deleted since, so its " +
        "answer cannot be repeated; nothing was written now.";

    public const string AuditUnavailableOnRead = "The audit log (PostgreSQL) is not available: the history cannot be read.";

    public static string VersionGone(long version) =>
        $"Version {version} is no longer kept by Vault (deleted, destroyed, or beyond max_versions); nothing was written.";

    public static string NoSuchVersion(long version) => $"The configuration has no version {version}.";

    /// <summary>An <c>If-Match</c> that no longer holds.</summary>
    public static string PreconditionFailed(long expected, long current) =>
        $"The configuration is at version {current}, not {expected} as the request expected; nothing was written. Read it again and retry.";

    /// <summary>A write that cannot be audited does not happen.</summary>
    public static string AuditUnavailableOnWrite(string operation) =>
        $"Cannot {operation} configuration: the audit log (PostgreSQL) is not available";

    /// <summary>The guide's message, with what a caller of a write Vault did not answer can and cannot know.</summary>
    public static string OutcomeUnknownOnWrite(string operation) =>
        $"{VaultUnavailableOnWrite(operation)} (it did not answer in time, so the write may or may not have been " +
        "applied; retry it with the same Idempotency-Key to learn its outcome, or read the configuration)";

    /// <summary>The guide's message: "Cannot {create|update|delete} configuration: Vault is not available".</summary>
    public static string VaultUnavailableOnWrite(string operation) =>
        $"Cannot {operation} configuration: Vault is not available";
}
