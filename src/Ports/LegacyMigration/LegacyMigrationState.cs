namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>Where a migration run is.</summary>
public enum LegacyMigrationState
{
    Running = 0,

    Completed = 1,

    /// <summary>The run stopped on an error it could not go past (the legacy database went away); the error says why.</summary>
    Failed = 2,

    /// <summary>The gateway running it stopped (or stopped reporting progress) before it was done. Run it again to resume.</summary>
    Interrupted = 3,
}
