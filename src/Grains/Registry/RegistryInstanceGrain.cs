using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// One registered instance and its health check. It holds the instance as stored and, in memory only, its last
/// heartbeat and the consecutive check results that have not yet changed its status. One timer wakes it for whatever
/// is due first: the next HTTP or TCP check, the end of a TTL, or the removal of an instance critical for longer than
/// its deregister_critical_after. A status is stored (audited, announced) only when it changes, so a heartbeat that
/// changes nothing costs no write. A reminder, registered with the instance, activates the grain again on a live silo
/// after its silo died; on activation the TTL starts again (an instance is not declared dead for the time its
/// checker was gone).
/// </summary>
internal sealed partial class RegistryInstanceGrain(
    IRegistryStore store,
    RegistrySnapshots snapshots,
    InstanceChecks checks,
    RegistrationRules rules,
    IOptions<RegistryOptions> options,
    TimeProvider time,
    ILogger<RegistryInstanceGrain> logger)
    : Grain, IRegistryInstanceGrain, IRemindable
{
    private const string ReminderName = "registry-instance";
    private const string StoreDown = "The registry store (PostgreSQL) is not available; nothing was changed.";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private string _environment = "";
    private string _service = "";
    private string _instanceId = "";
    private bool _loaded;
    private bool _reminderSet;
    private RegistryInstance? _instance;
    private DateTimeOffset _heartbeatAt;
    private DateTimeOffset _nextCheckAt;
    private DateTimeOffset _retryAt;
    private int _passes;
    private int _failures;
    private IGrainTimer? _timer;

    /// <summary>A write that has begun runs to its end even when its caller goes away; each store call has its own budget.</summary>
    private static CancellationToken WriteInFlight => CancellationToken.None;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/');
        (_environment, _service, _instanceId) = (parts[0], parts[1], parts[^1]);
        await LoadAsync(cancellationToken);
        if (!_loaded)
        {
            // The store did not answer: try again shortly, so that a reminder's activation still starts the checks.
            _retryAt = time.GetUtcNow() + RetryDelay;
            Schedule();
        }
    }

    public async Task<RegistryResult> GetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? (_instance is null ? Missing() : new RegistryResult(RegistryOutcome.Ok, _instance));

    public async Task<RegistryResult> RegisterAsync(InstanceRegistration registration, ChangeContext context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(WriteInFlight) is { } failure)
        {
            return failure;
        }

        var problems = await rules.CheckAsync(registration, cancellationToken);
        if (problems.Count > 0)
        {
            return RegistryResult.Invalid(problems);
        }

        if (_instance is { } same && same.Registration.Equals(registration))
        {
            return new RegistryResult(RegistryOutcome.Ok, same);
        }

        var now = time.GetUtcNow();
        var sameCheck = _instance is not null && _instance.Registration.Check.Equals(registration.Check);
        var ttl = registration.Check.Type == RegistryCheckType.Ttl;
        var (status, output, changedAt) = sameCheck
            ? (_instance!.Status, _instance.Output, _instance.StatusChangedAt)
            : ttl
                ? (InstanceStatus.Passing, "Registered; the TTL runs from now.", now)
                : (InstanceStatus.Critical, "Registered; waiting for the first check.", now);
        var instance = new RegistryInstance(_environment, _service, _instanceId, registration, status, output,
            _instance?.RegisteredAt ?? now, ttl ? now : _instance?.LastHeartbeatAt, changedAt, 0);
        var written = await store.WriteAsync(Write(RegistryWriteKind.Register, instance, context), WriteInFlight);
        if (written.Outcome != RegistryWriteOutcome.Written)
        {
            LogStoreFailed("registration", written.Detail);
            return RegistryResult.Fail(RegistryOutcome.Unavailable, StoreDown);
        }

        _instance = written.Instance!;
        snapshots.Apply(_instance);
        LogRegistered(_environment, _service, _instanceId, _instance.Index, context.Actor);
        _heartbeatAt = now;
        if (!sameCheck)
        {
            (_passes, _failures, _nextCheckAt) = (0, 0, now);
        }

        await EnsureReminderAsync();
        Schedule();
        return new RegistryResult(written.Created ? RegistryOutcome.Created : RegistryOutcome.Ok, _instance);
    }

    public async Task<RegistryResult> HeartbeatAsync(InstanceStatus? status, string? output, ChangeContext context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(WriteInFlight) is { } failure)
        {
            return failure;
        }

        if (_instance is not { } instance)
        {
            return Missing();
        }

        if (instance.Registration.Check.Type != RegistryCheckType.Ttl)
        {
            return RegistryResult.Invalid([new RegistryProblem("check",
                $"Only an instance with a ttl check sends heartbeats; this one's check is {RegistryCheckJson.TypeText(instance.Registration.Check.Type)}.")]);
        }

        var now = time.GetUtcNow();
        _heartbeatAt = now;
        var said = status ?? InstanceStatus.Passing;
        var text = Bounded(output) ?? (said == InstanceStatus.Passing ? "Heartbeat received." : instance.Output);
        if (said == instance.Status)
        {
            _instance = instance with { LastHeartbeatAt = now, Output = text };
            return new RegistryResult(RegistryOutcome.Ok, _instance);
        }

        return await StoreStatusAsync(said, text, now, context) ? new RegistryResult(RegistryOutcome.Ok, _instance) : RegistryResult.Fail(RegistryOutcome.Unavailable, StoreDown);
    }

    public async Task<RegistryResult> DeregisterAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(WriteInFlight) is { } failure)
        {
            return failure;
        }

        if (_instance is not { } instance)
        {
            return Missing();
        }

        return await RemoveAsync(instance, RegistryWriteKind.Deregister, context)
            ? new RegistryResult(RegistryOutcome.Deleted, instance)
            : RegistryResult.Fail(RegistryOutcome.Unavailable, StoreDown);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await LoadAsync(CancellationToken.None);
        if (_loaded && _instance is null)
        {
            // The instance is gone (removed while this grain was not active): its reminder goes too.
            await DropReminderAsync();
            DeactivateOnIdle();
        }
    }

    private async Task<bool> RemoveAsync(RegistryInstance instance, RegistryWriteKind kind, ChangeContext context)
    {
        var written = await store.WriteAsync(Write(kind, instance, context), WriteInFlight);
        if (written.Outcome == RegistryWriteOutcome.Unavailable)
        {
            LogStoreFailed("removal", written.Detail);
            return false;
        }

        snapshots.Remove(written.Instance ?? instance);
        LogRemoved(_environment, _service, _instanceId, kind == RegistryWriteKind.Expire ? "stayed critical too long" : "deregistered", context.Actor);
        _instance = null;
        _timer?.Dispose();
        _timer = null;
        await DropReminderAsync();
        DeactivateOnIdle();
        return true;
    }

    /// <summary>Reads the instance once per activation; null when it is loaded, else the answer (the store did not answer).</summary>
    private async Task<RegistryResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return null;
        }

        var read = await store.ReadAsync(_environment, _service, _instanceId, cancellationToken);
        if (!read.IsOk)
        {
            LogStoreFailed("read", read.Detail);
            return RegistryResult.Fail(RegistryOutcome.Unavailable, "The registry store (PostgreSQL) is not available.");
        }

        _loaded = true;
        _instance = read.Value;
        if (_instance is not null)
        {
            var now = time.GetUtcNow();
            (_heartbeatAt, _nextCheckAt) = (now, now);
            Schedule();
        }

        return null;
    }

    private RegistryWrite Write(RegistryWriteKind kind, RegistryInstance instance, ChangeContext? context, InstanceStatus? oldStatus = null) =>
        new(kind, instance, Guid.NewGuid(), context?.Actor ?? "registry", context?.RequestId ?? $"check-{Guid.NewGuid():N}", time.GetUtcNow(), oldStatus);

    private RegistryResult Missing() =>
        RegistryResult.Fail(RegistryOutcome.NotFound,
            $"No instance '{_instanceId}' of service '{_service}' in environment '{_environment}'; an instance that was deregistered must register again.");

    private static string? Bounded(string? output) =>
        output is null ? null : output.Length <= RegistrationRules.MaxOutputLength ? output : output[..RegistrationRules.MaxOutputLength];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 3080, Level = LogLevel.Information, Message = "Instance {Environment}/{Service}/{InstanceId} registered at index {Index}, by {Actor}")]
    private partial void LogRegistered(string environment, string service, string instanceId, long index, string actor);

    [LoggerMessage(EventId = 3081, Level = LogLevel.Information, Message = "Instance {Environment}/{Service}/{InstanceId} is now {Status} (was {OldStatus}), index {Index}")]
    private partial void LogStatusChanged(string environment, string service, string instanceId, string oldStatus, string status, long index);

    [LoggerMessage(EventId = 3082, Level = LogLevel.Information, Message = "Instance {Environment}/{Service}/{InstanceId} was removed: {Reason}, by {Actor}")]
    private partial void LogRemoved(string environment, string service, string instanceId, string reason, string actor);

    [LoggerMessage(EventId = 3083, Level = LogLevel.Warning, Message = "The registry store did not answer a {Operation}: {Detail}")]
    private partial void LogStoreFailed(string operation, string? detail);

    [LoggerMessage(EventId = 3084, Level = LogLevel.Warning, Message = "Could not set or drop the reminder of instance {Environment}/{Service}/{InstanceId} ({Error}); tried again later")]
    private partial void LogReminderFailed(string environment, string service, string instanceId, string error);
}
