using ConfigCluster.Gateway.Json;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>The counts of one run, added to by its concurrent row workers; becomes the report.</summary>
public sealed class MigrationTally
{
    /// <summary>Rows listed per kind in a report; more are counted only.</summary>
    public const int MaxListed = 1000;

    /// <summary>Longest name shown in a report: an invalid name can be any text.</summary>
    private const int MaxShownName = 160;

    private readonly List<LegacyRowProblem> _conflicts = [];
    private readonly List<LegacyRowProblem> _invalid = [];
    private readonly List<LegacyRowProblem> _failed = [];
    private long _done;
    private long _toCreate;
    private long _created;
    private long _unchanged;
    private long _verified;
    private long _removed;
    private long _conflictCount;
    private long _invalidCount;
    private long _failedCount;

    public long Done => Interlocked.Read(ref _done);

    public long Created => Interlocked.Read(ref _created);

    public void RowDone() => Interlocked.Increment(ref _done);

    public void ToCreate() => Interlocked.Increment(ref _toCreate);

    public void Create() => Interlocked.Increment(ref _created);

    public void Unchanged() => Interlocked.Increment(ref _unchanged);

    public void Verified() => Interlocked.Increment(ref _verified);

    public void Removed(int rows) => Interlocked.Add(ref _removed, rows);

    public void Conflict(LegacyRow row, string reason) => Add(_conflicts, ref _conflictCount, row, reason);

    public void Invalid(LegacyRow row, string reason) => Add(_invalid, ref _invalidCount, row, reason);

    public void Failed(LegacyRow row, string reason) => Add(_failed, ref _failedCount, row, reason);

    public LegacyMigrationReport Report(bool dryRun, long total)
    {
        lock (_conflicts)
        {
            var report = new LegacyMigrationReport(dryRun, total, _toCreate, _created, _unchanged, _verified, _removed,
                _conflictCount, [.. _conflicts], _invalidCount, [.. _invalid], _failedCount, [.. _failed], Summary: string.Empty);
            return report with { Summary = MigrationSummary.Of(report) };
        }
    }

    private void Add(List<LegacyRowProblem> list, ref long count, LegacyRow row, string reason)
    {
        // One lock for the three lists: they are touched only by the rows left alone.
        lock (_conflicts)
        {
            count++;
            if (list.Count < MaxListed)
            {
                list.Add(new LegacyRowProblem(Shown(row.Environment), Shown(row.ServiceName), Shown(row.Key), reason));
            }
        }
    }

    private static string? Shown(string? name) => name is { Length: > MaxShownName } ? $"{name[..MaxShownName]}…" : name;
}
