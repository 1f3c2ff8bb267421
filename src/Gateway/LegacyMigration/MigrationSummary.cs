using ConfigCluster.Gateway.Json;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>The one-sentence summary of a report, for people reading it.</summary>
internal static class MigrationSummary
{
    public static string Of(LegacyMigrationReport report) => report.DryRun
        ? $"Dry run of {report.Total} legacy rows: {report.ToCreate} to create, {report.Unchanged} unchanged, " +
          $"{report.ConflictCount} conflicts, {report.InvalidCount} invalid, {report.FailedCount} failed; nothing was written."
        : $"{report.Total} legacy rows: {report.Created} created ({report.Verified} verified), {report.Unchanged} unchanged, " +
          $"{report.ConflictCount} conflicts, {report.InvalidCount} invalid, {report.FailedCount} failed; " +
          $"{report.Removed} legacy rows removed.";
}
