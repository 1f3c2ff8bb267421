namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>
/// The migration runs (PostgreSQL table <c>legacy_migrations</c>). Every call answers within the store's timeout;
/// failures are Unavailable, never an exception.
/// </summary>
public interface ILegacyMigrationStore
{
    Task<StoreResult<bool>> StartAsync(LegacyMigrationRecord run, CancellationToken cancellationToken);

    /// <summary>Records rows done so far (and moves <c>updated_at</c>, the run's heartbeat).</summary>
    Task<StoreResult<bool>> ProgressAsync(Guid id, long done, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the end of a run: its state, rows done, the report or the error.</summary>
    Task<StoreResult<bool>> FinishAsync(
        Guid id, LegacyMigrationState state, long done, string? reportJson, string? error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The run, NotFound when there is none.</summary>
    Task<StoreResult<LegacyMigrationRecord>> FindAsync(Guid id, CancellationToken cancellationToken);
}
