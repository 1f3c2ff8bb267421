using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>The instance grain's clock: its timer, the checks and thresholds it runs, and its reminder.</summary>
internal sealed partial class RegistryInstanceGrain
{
    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not null || _instance is not { } instance)
        {
            _retryAt = time.GetUtcNow() + RetryDelay;
            Schedule();
            return;
        }

        var now = time.GetUtcNow();
        var check = instance.Registration.Check;
        if (instance.Status == InstanceStatus.Critical && now >= instance.StatusChangedAt + instance.Registration.DeregisterCriticalAfter)
        {
            if (!await RemoveAsync(instance, RegistryWriteKind.Expire, new ChangeContext("registry", $"expire-{Guid.NewGuid():N}")))
            {
                _retryAt = now + RetryDelay;
                Schedule();
            }

            return;
        }

        if (check.Type == RegistryCheckType.Ttl)
        {
            if (instance.Status != InstanceStatus.Critical && now >= _heartbeatAt + check.Ttl!.Value)
            {
                var since = instance.LastHeartbeatAt is { } last ? $"last heartbeat at {last.UtcDateTime:O}" : "no heartbeat yet";
                await StoreStatusAsync(InstanceStatus.Critical, $"TTL of {RegistryDuration.Format(check.Ttl.Value)} expired: {since}.", now);
            }
        }
        else if (now >= _nextCheckAt)
        {
            _nextCheckAt = now + check.Interval!.Value;
            var result = await checks.RunAsync(instance.Registration, cancellationToken);
            await JudgeAsync(result, check);
        }

        if (!_reminderSet)
        {
            await EnsureReminderAsync();
        }

        Schedule();
    }

    /// <summary>Counts one check result against the thresholds; stores a status when enough in a row call for it.</summary>
    private async Task JudgeAsync(CheckResult result, RegistryCheck check)
    {
        var current = _instance!;
        if (result.Status == current.Status)
        {
            (_passes, _failures) = (0, 0);
            _instance = current with { Output = result.Output };
            return;
        }

        bool due;
        switch (result.Status)
        {
            case InstanceStatus.Passing:
                _failures = 0;
                due = ++_passes >= (check.SuccessBeforePassing ?? options.Value.SuccessBeforePassing);
                break;
            case InstanceStatus.Critical:
                _passes = 0;
                due = ++_failures >= (check.FailuresBeforeCritical ?? options.Value.FailuresBeforeCritical);
                break;
            default:
                (_passes, _failures, due) = (0, 0, true);
                break;
        }

        if (due && await StoreStatusAsync(result.Status, result.Output, time.GetUtcNow()))
        {
            (_passes, _failures) = (0, 0);
        }
    }

    /// <summary>Stores a new status; false (and a retry soon) when the store did not take it.</summary>
    private async Task<bool> StoreStatusAsync(InstanceStatus status, string output, DateTimeOffset now, ChangeContext? context = null)
    {
        var current = _instance!;
        var changed = current with { Status = status, Output = output, StatusChangedAt = now, LastHeartbeatAt = current.LastHeartbeatAt };
        if (current.Registration.Check.Type == RegistryCheckType.Ttl && status != InstanceStatus.Critical)
        {
            changed = changed with { LastHeartbeatAt = now };
        }

        var written = await store.WriteAsync(Write(RegistryWriteKind.Status, changed, context, current.Status), WriteInFlight);
        if (written.Outcome != RegistryWriteOutcome.Written)
        {
            LogStoreFailed("status change", written.Detail);
            _retryAt = now + RetryDelay;
            Schedule();
            return false;
        }

        _instance = written.Instance!;
        snapshots.Apply(_instance);
        LogStatusChanged(_environment, _service, _instanceId, InstanceStatuses.ToText(current.Status), InstanceStatuses.ToText(status), _instance.Index);
        Schedule();
        return true;
    }

    /// <summary>Arms the timer for whatever is due first; none when there is no instance.</summary>
    private void Schedule()
    {
        var now = time.GetUtcNow();
        DateTimeOffset next;
        if (!_loaded)
        {
            next = _retryAt;
        }
        else if (_instance is not { } instance)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        else
        {
            var check = instance.Registration.Check;
            next = instance.Status == InstanceStatus.Critical
                ? instance.StatusChangedAt + instance.Registration.DeregisterCriticalAfter
                : DateTimeOffset.MaxValue;
            if (check.Type == RegistryCheckType.Ttl && instance.Status != InstanceStatus.Critical)
            {
                next = Min(next, _heartbeatAt + check.Ttl!.Value);
            }
            else if (check.Type != RegistryCheckType.Ttl)
            {
                next = Min(next, _nextCheckAt);
            }

            next = next < _retryAt ? _retryAt : next;
        }

        var due = next <= now ? TimeSpan.Zero : Min(next - now, TimeSpan.FromDays(1));
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminderSet)
        {
            return;
        }

        try
        {
            var period = options.Value.ReminderPeriod;
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
            _reminderSet = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The instance is stored and checked here; the reminder is tried again on the next tick.
            LogReminderFailed(_environment, _service, _instanceId, e.GetType().Name);
        }
    }

    private async Task DropReminderAsync()
    {
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderSet = false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reminder left behind finds no instance when it fires, and drops itself then.
            LogReminderFailed(_environment, _service, _instanceId, e.GetType().Name);
        }
    }
}
