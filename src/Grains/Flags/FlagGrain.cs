using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;
using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Grains.Flags;

/// <summary>
/// One flag. Not reentrant: its writes run one at a time, each on the stored flag read just before and conditional
/// on its version, so a write made around this grain (another activation during a membership change, a hand edit)
/// is a version mismatch rather than lost. A write that would store the definition already stored changes nothing
/// and answers Ok, even when its If-Match is stale: a retried write finds itself already applied (RFC 9110 13.1.1).
/// </summary>
internal sealed partial class FlagGrain(IFlagStore store, FlagSnapshots snapshots, TimeProvider time, ILogger<FlagGrain> logger)
    : Grain, IFlagGrain
{
    private const string StoreDown = "The flag store (PostgreSQL) is not available; nothing was changed.";

    private string _environment = "";
    private string _key = "";

    /// <summary>A write that has begun runs to its end even when its caller goes away; each store call has its own budget.</summary>
    private static CancellationToken WriteInFlight => CancellationToken.None;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/');
        (_environment, _key) = (parts[0], parts[^1]);
        return Task.CompletedTask;
    }

    public async Task<FlagResult> GetAsync(CancellationToken cancellationToken)
    {
        var (current, failure) = await ReadAsync(cancellationToken);
        return failure ?? new FlagResult(FlagOutcome.Ok, current);
    }

    public async Task<FlagResult> CreateAsync(FlagDefinition flag, ChangeContext context, CancellationToken cancellationToken)
    {
        if (Check(flag) is { } invalid)
        {
            return invalid;
        }

        var written = await store.WriteAsync(Write(FlagWriteKind.Create, flag, null, context), WriteInFlight);
        if (written.Outcome == FlagWriteOutcome.AlreadyExists && await AlreadyStoredAsync(flag) is { } stored)
        {
            // A retried create: the flag is there with exactly this definition.
            return new FlagResult(FlagOutcome.Ok, stored);
        }

        return Written(written, FlagOutcome.Created, context);
    }

    public async Task<FlagResult> ReplaceAsync(FlagDefinition flag, long? ifMatch, ChangeContext context, CancellationToken cancellationToken)
    {
        var (current, failure) = await ReadAsync(WriteInFlight);
        return failure ?? await ReplaceAsync(current!, flag, ifMatch, context);
    }

    public async Task<FlagResult> PatchAsync(string mergePatchJson, long? ifMatch, ChangeContext context, CancellationToken cancellationToken)
    {
        var (current, failure) = await ReadAsync(WriteInFlight);
        if (failure is not null)
        {
            return failure;
        }

        using var patch = JsonDocument.Parse(mergePatchJson);
        var patched = JsonMergePatch.Apply(JsonNode.Parse(FlagJson.ToStorageJson(current!)), patch.RootElement);
        using var document = JsonDocument.Parse(patched?.ToJsonString() ?? "null");
        var read = FlagJson.Read(document.RootElement, new FlagDefinition { Environment = _environment, Key = _key });
        return read.Flag is { } flag
            ? await ReplaceAsync(current!, flag, ifMatch, context)
            : FlagResult.Invalid(read.Problems.Select(p => new FlagProblem(p.Field, p.Message)));
    }

    public async Task<FlagResult> DeleteAsync(long? ifMatch, ChangeContext context, CancellationToken cancellationToken)
    {
        var (current, failure) = await ReadAsync(WriteInFlight);
        if (failure is not null)
        {
            return failure;
        }

        if (ifMatch is { } expected && expected != current!.Version)
        {
            return Stale(current.Version);
        }

        var written = await store.WriteAsync(Write(FlagWriteKind.Delete, null, current!.Version, context), WriteInFlight);
        return Written(written, FlagOutcome.Deleted, context, deleted: current);
    }

    private async Task<FlagResult> ReplaceAsync(FlagDefinition current, FlagDefinition flag, long? ifMatch, ChangeContext context)
    {
        if (Check(flag) is { } invalid)
        {
            return invalid;
        }

        if (FlagJson.ToStorageJson(flag) == FlagJson.ToStorageJson(current))
        {
            return new FlagResult(FlagOutcome.Ok, current);
        }

        if (ifMatch is { } expected && expected != current.Version)
        {
            return Stale(current.Version);
        }

        var written = await store.WriteAsync(Write(FlagWriteKind.Update, flag, current.Version, context), WriteInFlight);
        return Written(written, FlagOutcome.Ok, context);
    }

    /// <summary>The stored flag when its definition is exactly <paramref name="flag"/>'s, else null.</summary>
    private async Task<FlagDefinition?> AlreadyStoredAsync(FlagDefinition flag)
    {
        var (current, _) = await ReadAsync(WriteInFlight);
        return current is not null && FlagJson.ToStorageJson(current) == FlagJson.ToStorageJson(flag) ? current : null;
    }

    /// <summary>The stored flag, or the answer when there is none or the store did not answer.</summary>
    private async Task<(FlagDefinition? Current, FlagResult? Failure)> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await store.ReadAsync(_environment, _key, cancellationToken);
        if (!read.IsOk)
        {
            LogStoreFailed("read", read.Detail);
            return (null, FlagResult.Fail(FlagOutcome.Unavailable, "The flag store (PostgreSQL) is not available."));
        }

        return read.Value is { } stored && StoredFlags.Definition(stored, logger) is { } current
            ? (current, null)
            : (null, FlagResult.Fail(FlagOutcome.NotFound, $"No flag '{_key}' in environment '{_environment}'."));
    }

    /// <summary>Null when <paramref name="flag"/> is this grain's and valid, else the refusal naming each problem.</summary>
    private FlagResult? Check(FlagDefinition flag)
    {
        var problems = FlagDefinitionValidator.Validate(flag).Select(p => new FlagProblem(p.Field, p.Message)).ToList();
        if (flag.Environment != _environment && ConfigName.IsValid(flag.Environment))
        {
            problems.Add(new("environment", "'environment' must be the flag's environment, as in the request's URL."));
        }

        if (flag.Key != _key && ConfigName.IsValid(flag.Key))
        {
            problems.Add(new("key", "'key' must be the flag's key, as in the request's URL."));
        }

        if (problems.Count == 0 && System.Text.Encoding.UTF8.GetByteCount(FlagJson.ToStorageJson(flag)) > FlagLimits.MaxDefinitionBytes)
        {
            problems.Add(new("body", $"The flag's definition must be at most {FlagLimits.MaxDefinitionBytes / 1024} KiB of JSON."));
        }

        return problems.Count == 0 ? null : FlagResult.Invalid(problems);
    }

    private FlagWrite Write(FlagWriteKind kind, FlagDefinition? flag, long? expectedVersion, ChangeContext context) =>
        new(kind, _environment, _key, flag is null ? null : FlagJson.ToStorageJson(flag), expectedVersion, Guid.NewGuid(),
            context.Actor, context.RequestId, time.GetUtcNow());

    private FlagResult Written(FlagWriteResult written, FlagOutcome success, ChangeContext context, FlagDefinition? deleted = null)
    {
        switch (written.Outcome)
        {
            case FlagWriteOutcome.Written when deleted is not null:
                snapshots.Remove(deleted);
                LogDeleted(_environment, _key, deleted.Version, context.Actor);
                return new FlagResult(success, deleted);
            case FlagWriteOutcome.Written when StoredFlags.Definition(written.Flag!, logger) is { } flag:
                snapshots.Apply(flag);
                LogWritten(_environment, _key, flag.Version, context.Actor);
                return new FlagResult(success, flag);
            case FlagWriteOutcome.AlreadyExists:
                return FlagResult.Fail(FlagOutcome.AlreadyExists, $"Flag '{_key}' already exists in environment '{_environment}'.");
            case FlagWriteOutcome.NotFound:
                return FlagResult.Fail(FlagOutcome.NotFound, $"No flag '{_key}' in environment '{_environment}'.");
            case FlagWriteOutcome.VersionMismatch:
                return Stale(written.CurrentVersion);
            default:
                LogStoreFailed("write", written.Detail);
                return FlagResult.Fail(FlagOutcome.Unavailable, StoreDown);
        }
    }

    private static FlagResult Stale(long? currentVersion) =>
        FlagResult.Fail(FlagOutcome.VersionMismatch,
            $"The flag is at version {currentVersion}, not the version the request is conditional on; nothing was changed.");

    [LoggerMessage(EventId = 3064, Level = LogLevel.Information, Message = "Flag {Environment}/{Key} is now v{Version}, by {Actor}")]
    private partial void LogWritten(string environment, string key, long version, string actor);

    [LoggerMessage(EventId = 3065, Level = LogLevel.Information, Message = "Flag {Environment}/{Key} v{Version} was deleted, by {Actor}")]
    private partial void LogDeleted(string environment, string key, long version, string actor);

    [LoggerMessage(EventId = 3066, Level = LogLevel.Warning, Message = "The flag store did not answer a {Operation}: {Detail}")]
    private partial void LogStoreFailed(string operation, string? detail);
}
