using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>The answer to asking for a migration: the run when it started, else why not (never a value or credential).</summary>
public sealed record MigrationStart(MigrationStartOutcome Outcome, LegacyMigrationRecord? Run = null, string? Detail = null);
