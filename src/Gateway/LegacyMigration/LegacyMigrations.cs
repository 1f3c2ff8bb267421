using System.Collections.Concurrent;
using ConfigCluster.Grains.Config;
using ConfigCluster.Ports;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>
/// Starts legacy migrations as background tasks of this gateway and answers where each one is: live from memory
/// while this gateway runs it, else from PostgreSQL (so any gateway answers, also after a restart). Stopping the
/// gateway stops its runs, which record themselves as interrupted; a run whose heartbeat stopped without that
/// (the process died) is shown as interrupted too.
/// </summary>
public sealed class LegacyMigrations(
    IServiceProvider services, ConfigGrainReferences configs, TimeProvider time, ILogger<LegacyMigrations> logger) : IHostedService
{
    /// <summary>A running run whose progress was last recorded longer ago than this is no longer running anywhere.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, (LegacyMigrationRun Run, Task Task)> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    private ILegacyMigrationStore? Store => services.GetService<ILegacyMigrationStore>();

    public async Task<MigrationStart> StartAsync(LegacyMigrationRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Store is not { } store || services.GetService<ILegacyConfigSources>() is not { } sources)
        {
            return new MigrationStart(MigrationStartOutcome.StoreUnavailable,
                Detail: "Migrations need the service's PostgreSQL (ConnectionStrings:Postgres), which is not configured.");
        }

        var source = sources.Open(request.ConnectionString, request.Table, out var problem);
        if (source is null)
        {
            return new MigrationStart(MigrationStartOutcome.InvalidConnectionString, Detail: $"'connection_string' is {problem}");
        }

        var total = await source.CountAsync(cancellationToken);
        if (!total.IsOk)
        {
            await source.DisposeAsync();
            return new MigrationStart(MigrationStartOutcome.SourceUnavailable, Detail: $"The legacy table cannot be read: {total.Detail}.");
        }

        var now = time.GetUtcNow();
        var record = new LegacyMigrationRecord(Guid.CreateVersion7(now), source.Description, actor, request.DryRun, request.RemoveMigrated,
            LegacyMigrationState.Running, total.Value, Done: 0, now, now, FinishedAt: null, ReportJson: null, Error: null);
        var started = await store.StartAsync(record, cancellationToken);
        if (!started.IsOk)
        {
            await source.DisposeAsync();
            return new MigrationStart(MigrationStartOutcome.StoreUnavailable, Detail: started.Detail);
        }

        logger.Started(record.Id, actor, record.Total, record.Source, record.DryRun, record.RemoveMigrated);
        var run = new LegacyMigrationRun(record, request, source, configs, store, time, logger);
        var task = Task.Run(() => run.RunAsync(_stopping.Token), CancellationToken.None);
        _running[record.Id] = (run, task);
        _ = task.ContinueWith(_ => _running.TryRemove(record.Id, out var _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new MigrationStart(MigrationStartOutcome.Started, run.Snapshot());
    }

    /// <summary>The run as it is now; NotFound when there is none, Unavailable when PostgreSQL cannot say.</summary>
    public async Task<StoreResult<LegacyMigrationRecord>> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(id, out var running))
        {
            return StoreResult<LegacyMigrationRecord>.Ok(running.Run.Snapshot());
        }

        if (Store is not { } store)
        {
            return StoreResult<LegacyMigrationRecord>.Fail(StoreOutcome.NotFound, "No such migration.");
        }

        var found = await store.FindAsync(id, cancellationToken);
        return found.IsOk && found.Value!.State == LegacyMigrationState.Running && time.GetUtcNow() - found.Value.UpdatedAt > StaleAfter
            ? StoreResult<LegacyMigrationRecord>.Ok(found.Value with
            {
                State = LegacyMigrationState.Interrupted,
                Error = "The gateway running the migration stopped reporting progress; run it again to resume.",
            })
            : found;
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops every run of this gateway and waits (briefly) for each to record that it was interrupted.</summary>
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var runs = _running.Values.Select(r => r.Task).ToArray();
        await Task.WhenAll(runs).WaitAsync(StopBudget, cancellationToken).ContinueWith(_ => { }, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
