namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>
/// A migration run as kept in PostgreSQL, so that its progress can be polled through any gateway and survives the
/// one running it. <see cref="ReportJson"/> is the finished report (names and counts, never a value).
/// </summary>
public sealed record LegacyMigrationRecord(
    Guid Id,
    string Source,
    string Actor,
    bool DryRun,
    bool RemoveMigrated,
    LegacyMigrationState State,
    long Total,
    long Done,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? ReportJson,
    string? Error);
