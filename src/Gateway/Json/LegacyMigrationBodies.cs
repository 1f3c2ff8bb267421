namespace ConfigCluster.Gateway.Json;

/// <summary>
/// A migration run as the API shows it (the 202 and every poll): progress, and the report once it is done.
/// <c>state</c> is <c>running</c>, <c>completed</c>, <c>failed</c> or <c>interrupted</c>.
/// </summary>
public sealed record LegacyMigrationResponse(
    Guid Id,
    string State,
    bool DryRun,
    bool RemoveMigrated,
    string Source,
    long RowsDone,
    long RowsTotal,
    double RowsPerSecond,
    DateTime StartedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    string? Error,
    LegacyMigrationReport? Report);

/// <summary>
/// What a run planned (dry run) or did: counts, the rows it left alone with why, and a readable summary. Names only,
/// never a value. Each list holds at most <see cref="LegacyMigration.MigrationTally.MaxListed"/> rows; the counts are complete.
/// </summary>
public sealed record LegacyMigrationReport(
    bool DryRun,
    long Total,
    long ToCreate,
    long Created,
    long Unchanged,
    long Verified,
    long Removed,
    long ConflictCount,
    IReadOnlyList<LegacyRowProblem> Conflicts,
    long InvalidCount,
    IReadOnlyList<LegacyRowProblem> Invalid,
    long FailedCount,
    IReadOnlyList<LegacyRowProblem> Failed,
    string Summary);

/// <summary>A legacy row left alone, by its names, and why.</summary>
public sealed record LegacyRowProblem(string? Environment, string? ServiceName, string? Key, string Reason);
