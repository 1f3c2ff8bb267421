using System.Collections.Concurrent;
using System.Diagnostics;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>
/// One run over a legacy table: each row is planned against its config grain (<see cref="MigrationPlan"/>), and on a
/// real run created through <see cref="IConfigGrain.CreateAsync"/> (so it gets its audit row and event), then read back
/// and compared. With remove_migrated, the legacy rows verified or found unchanged are deleted at the end. At most
/// <see cref="Concurrency"/> rows are in flight. A row that cannot be done now (Vault or PostgreSQL down) is reported
/// as failed and left in the table; running again picks it up, and every row done before is then unchanged.
/// </summary>
internal sealed class LegacyMigrationRun(
    LegacyMigrationRecord record,
    LegacyMigrationRequest request,
    ILegacyConfigSource source,
    ConfigGrainReferences configs,
    ILegacyMigrationStore store,
    TimeProvider time,
    ILogger logger)
{
    public const int Concurrency = 16;
    private const int RemoveBatch = 1000;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private readonly MigrationTally _tally = new();
    private readonly ConcurrentQueue<LegacyRow> _removable = new();
    private readonly ChangeContext _context = new(record.Actor, $"legacy-migration-{record.Id:N}");
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public LegacyMigrationRecord Record => record;

    /// <summary>The run as it is now; the record once the run is over.</summary>
    public LegacyMigrationRecord Snapshot() =>
        record.State == LegacyMigrationState.Running ? record with { Done = _tally.Done, UpdatedAt = time.GetUtcNow() } : record;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var beating = BeatAsync(heartbeat.Token);
        string? error = null;
        try
        {
            await Parallel.ForEachAsync(source.ReadAsync(stopping),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stopping },
                async (row, ct) =>
                {
                    try
                    {
                        await MigrateAsync(row, ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        // A grain call left without an answer (a silo lost, a call timeout): this row only. Only the
                        // type is shown: an exception's message may quote a value.
                        Fail(row, $"The call to its grain failed ({ex.GetType().Name}); the legacy row stays, run again to retry it.");
                    }

                    _tally.RowDone();
                });
            error = await RemoveAsync(stopping);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            await EndAsync(heartbeat, beating, LegacyMigrationState.Interrupted, report: null,
                "The gateway running the migration stopped; run it again to resume.");
            logger.Interrupted(record.Id, _tally.Done);
            return;
        }
        catch (Exception ex)
        {
            // The legacy database went away mid-read, or a silo call failed past its outcomes. Only the type is
            // shown: an exception's message may quote a value.
            error = $"The run stopped on {ex.GetType().Name} after {_tally.Done} rows; run it again to resume (rows done stay done).";
        }
        finally
        {
            await source.DisposeAsync();
        }

        var report = _tally.Report(request.DryRun, record.Total);
        var rate = RowsPerSecond();
        await EndAsync(heartbeat, beating, error is null ? LegacyMigrationState.Completed : LegacyMigrationState.Failed, report, error);
        if (error is null)
        {
            logger.Completed(record.Id, _elapsed.ElapsedMilliseconds, rate, report.Summary);
        }
        else
        {
            logger.Failed(record.Id, _tally.Done, error);
        }
    }

    private async Task MigrateAsync(LegacyRow row, CancellationToken cancellationToken)
    {
        if (MigrationPlan.Check(row) is { } problem)
        {
            _tally.Invalid(row, problem.Message);
            return;
        }

        var grain = configs.Get(new ConfigAddress(row.Environment!, row.ServiceName!, row.Key!));
        var verdict = await PlanAsync(grain, row, cancellationToken);
        if (verdict?.Action != RowAction.Create)
        {
            return;
        }

        _tally.ToCreate();
        if (request.DryRun)
        {
            return;
        }

        var created = await grain.CreateAsync(new ConfigChange(row.Value!, row.IsEncrypted, _context), cancellationToken);
        if (created.Outcome == ConfigOutcome.AlreadyExists)
        {
            // Someone else (another run, a client) created it meanwhile: what it holds decides, as for any row.
            await PlanAsync(grain, row, cancellationToken);
        }
        else if (created.Outcome != ConfigOutcome.Created)
        {
            Fail(row, $"Creating it answered {created.Outcome}: {created.Detail}");
        }
        else
        {
            _tally.Create();
            await VerifyAsync(grain, row, cancellationToken);
        }
    }

    /// <summary>The row's verdict against what its grain holds now, tallied unless it is a create; null when the grain could not say.</summary>
    private async Task<RowVerdict?> PlanAsync(IConfigGrain grain, LegacyRow row, CancellationToken cancellationToken)
    {
        var current = await grain.GetAsync(cancellationToken: cancellationToken);
        if (current.Outcome is not (ConfigOutcome.Ok or ConfigOutcome.NotFound))
        {
            Fail(row, $"Reading it answered {current.Outcome}: {current.Detail}");
            return null;
        }

        var verdict = MigrationPlan.Classify(row, current.Entry);
        switch (verdict.Action)
        {
            case RowAction.Unchanged:
                _tally.Unchanged();
                _removable.Enqueue(row);
                break;
            case RowAction.Conflict:
                _tally.Conflict(row, verdict.Reason!);
                break;
            case RowAction.Invalid:
                _tally.Invalid(row, verdict.Reason!);
                break;
        }

        return verdict;
    }

    private async Task VerifyAsync(IConfigGrain grain, LegacyRow row, CancellationToken cancellationToken)
    {
        var read = await grain.GetAsync(cancellationToken: cancellationToken);
        if (read.Outcome == ConfigOutcome.Ok && MigrationPlan.Classify(row, read.Entry).Action == RowAction.Unchanged)
        {
            _tally.Verified();
            _removable.Enqueue(row);
        }
        else
        {
            Fail(row, $"Created, but reading it back answered {read.Outcome} without the migrated value; the legacy row stays.");
        }
    }

    /// <summary>Deletes the legacy rows verified or found unchanged; null, or why not all could be.</summary>
    private async Task<string?> RemoveAsync(CancellationToken cancellationToken)
    {
        if (request.DryRun || !request.RemoveMigrated)
        {
            return null;
        }

        var rows = _removable.ToArray();
        foreach (var batch in rows.Chunk(RemoveBatch))
        {
            var removed = await source.RemoveAsync(batch, cancellationToken);
            if (!removed.IsOk)
            {
                return $"Removing migrated rows from the legacy table failed: {removed.Detail}. Every config is migrated; run again to remove them.";
            }

            _tally.Removed(removed.Value);
        }

        return null;
    }

    private void Fail(LegacyRow row, string reason)
    {
        _tally.Failed(row, reason);
        logger.RowFailed(record.Id, $"{row.Environment}/{row.ServiceName}/{row.Key}", reason);
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var saved = await store.ProgressAsync(record.Id, _tally.Done, time.GetUtcNow(), CancellationToken.None);
                if (!saved.IsOk)
                {
                    logger.StateNotRecorded(record.Id, saved.Detail);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private async Task EndAsync(
        CancellationTokenSource heartbeat, Task beating, LegacyMigrationState state, LegacyMigrationReport? report, string? error)
    {
        await heartbeat.CancelAsync();
        await beating;
        var at = time.GetUtcNow();
        record = record with
        {
            State = state, Done = _tally.Done, ReportJson = report is null ? null : ReportJson(report), Error = error,
            UpdatedAt = at, FinishedAt = at,
        };
        var saved = await store.FinishAsync(record.Id, state, record.Done, record.ReportJson, error, at, CancellationToken.None);
        if (!saved.IsOk)
        {
            logger.StateNotRecorded(record.Id, saved.Detail);
        }
    }

    private double RowsPerSecond() => _tally.Done / Math.Max(_elapsed.Elapsed.TotalSeconds, 0.001);

    private static string ReportJson(LegacyMigrationReport report) =>
        System.Text.Json.JsonSerializer.Serialize(report, GatewayJsonContext.Default.LegacyMigrationReport);
}
