using System.Collections.Concurrent;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// The registry this silo answers queries from, per environment: an environment is read from the store the first
/// time it is asked for, then held and kept current by a <see cref="Changes.SnapshotFollower"/> (a changed service is
/// read again within milliseconds of any silo's change; everything after a lost connection and every
/// <see cref="RegistryOptions.ResyncInterval"/>). Blocking queries wait here for a service's index to move: each
/// waiter is a task, not a thread.
/// </summary>
public sealed partial class RegistrySnapshots(IRegistryStore store, ILogger<RegistrySnapshots> logger)
    : Changes.IFollowedSnapshot
{
    /// <summary>How many environments without any service a silo holds; beyond, an empty one is read each time.</summary>
    public const int MaxEmptyEnvironments = 1000;

    private const int LoadAttempts = 3;

    private readonly ConcurrentDictionary<string, EnvironmentRegistry> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<EnvironmentRegistry?>> _loading = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Environment, string Service), ServiceWatch> _watches = [];
    private long _changesHeard;
    private int _empty;

    /// <summary>
    /// The registry of <paramref name="environment"/>: at once when held, else read from the store (one read however
    /// many callers wait for it). Null when it is not held and the store does not answer.
    /// </summary>
    public ValueTask<EnvironmentRegistry?> GetAsync(string environment) =>
        _held.TryGetValue(environment, out var held) ? ValueTask.FromResult<EnvironmentRegistry?>(held) : new(LoadAsync(environment));

    /// <summary>
    /// Waits until the index of <paramref name="service"/> is past <paramref name="index"/>, or <paramref name="wait"/>
    /// ends, and answers the service as then held. Null when the environment cannot be read.
    /// </summary>
    public async Task<ServiceInstances?> WaitAsync(string environment, string service, long index, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        while (true)
        {
            if (await GetAsync(environment) is not { } registry)
            {
                return null;
            }

            var held = registry.Service(service);
            if (held.Index > index || deadline.IsCancellationRequested)
            {
                return held;
            }

            var watch = Watch(environment, service);
            try
            {
                // A change between the look above and the registration of the waiter would be missed: look again.
                if (_held.TryGetValue(environment, out var again) && again.Service(service).Index > index)
                {
                    return again.Service(service);
                }

                await watch.Moved.Task.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                Unwatch(environment, service, watch);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return held;
            }
        }
    }

    /// <summary>Joins the waiters of a service (a new watch when it has none).</summary>
    private ServiceWatch Watch(string environment, string service)
    {
        lock (_watches)
        {
            if (!_watches.TryGetValue((environment, service), out var watch))
            {
                _watches[(environment, service)] = watch = new ServiceWatch();
            }

            watch.Waiters++;
            return watch;
        }
    }

    /// <summary>Leaves a watch; the last waiter removes it, so that names nobody waits on any more take no memory.</summary>
    private void Unwatch(string environment, string service, ServiceWatch watch)
    {
        lock (_watches)
        {
            if (--watch.Waiters == 0 && _watches.TryGetValue((environment, service), out var current) && ReferenceEquals(current, watch))
            {
                _watches.Remove((environment, service));
            }
        }
    }

    /// <summary>Wakes the waiters of a service whose index moved.</summary>
    private void Moved(string environment, string service)
    {
        ServiceWatch? watch;
        lock (_watches)
        {
            // Its waiters leave it afterwards; a watch made meanwhile for new waiters is not theirs to remove.
            _watches.Remove((environment, service), out watch);
        }

        watch?.Moved.TrySetResult();
    }

    /// <summary>Takes an instance just written through this silo, ahead of the store's announcement.</summary>
    public void Apply(RegistryInstance instance) =>
        Swap(instance.Environment, instance.Service, held => held.With(instance));

    /// <summary>Drops an instance just removed through this silo (its index: the removal's), ahead of the announcement.</summary>
    public void Remove(RegistryInstance removed) =>
        Swap(removed.Environment, removed.Service, held => held.Without(removed.InstanceId, removed.Index));

    /// <summary>Reads one changed service again, when its environment is held. False when the store did not answer.</summary>
    public async Task<bool> RefreshAsync(string environment, string service, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _changesHeard);
        if (!_held.ContainsKey(environment))
        {
            return true;
        }

        var listed = await store.ListAsync(environment, service, cancellationToken);
        if (!listed.IsOk)
        {
            LogRefreshFailed(environment, listed.Detail);
            return false;
        }

        var read = EnvironmentRegistry.Of(environment, listed.Value!.Instances, listed.Value.ServiceIndexes).Service(service);
        Swap(environment, service, held => read.Index >= held.Index ? read : held);
        return true;
    }

    /// <summary>Reads every held environment again in full. False when the store did not answer for some.</summary>
    public async Task<bool> ResyncAsync(CancellationToken cancellationToken)
    {
        var complete = true;
        foreach (var environment in _held.Keys)
        {
            if (await ListAsync(environment, cancellationToken) is { } read)
            {
                foreach (var service in read.Services.Values)
                {
                    Swap(environment, service.Service, held => service.Index >= held.Index ? service : held);
                }
            }
            else
            {
                complete = false;
            }
        }

        return complete;
    }

    private void Swap(string environment, string service, Func<ServiceInstances, ServiceInstances> change)
    {
        while (_held.TryGetValue(environment, out var held))
        {
            var before = held.Service(service);
            var after = change(before);
            if (ReferenceEquals(after, before))
            {
                return;
            }

            if (_held.TryUpdate(environment, held.With(after), held))
            {
                if (after.Index > before.Index)
                {
                    Moved(environment, service);
                }

                return;
            }
        }
    }

    private Task<EnvironmentRegistry?> LoadAsync(string environment) => _loading.GetOrAdd(environment, LoadOnceAsync);

    private async Task<EnvironmentRegistry?> LoadOnceAsync(string environment)
    {
        try
        {
            await Task.Yield();
            EnvironmentRegistry? read = null;
            // A change announced while the list was being read may be missing from it: read again.
            for (var attempt = 0; attempt < LoadAttempts; attempt++)
            {
                var heard = Interlocked.Read(ref _changesHeard);
                read = await ListAsync(environment, CancellationToken.None);
                if (read is null || Interlocked.Read(ref _changesHeard) == heard)
                {
                    break;
                }
            }

            if (read is null || (read.Services.IsEmpty && Interlocked.Increment(ref _empty) > MaxEmptyEnvironments))
            {
                // Not held: names that callers make up do not fill the memory; such an environment is read each time.
                return read;
            }

            var held = _held.GetOrAdd(environment, read);
            LogEnvironmentLoaded(environment, held.Services.Count);
            return held;
        }
        finally
        {
            _loading.TryRemove(environment, out _);
        }
    }

    private async Task<EnvironmentRegistry?> ListAsync(string environment, CancellationToken cancellationToken)
    {
        var listed = await store.ListAsync(environment, null, cancellationToken);
        if (!listed.IsOk)
        {
            LogLoadFailed(environment, listed.Detail);
            return null;
        }

        return EnvironmentRegistry.Of(environment, listed.Value!.Instances, listed.Value.ServiceIndexes);
    }

    /// <summary>The waiters of one service: completed, and replaced, when its index moves.</summary>
    private sealed class ServiceWatch
    {
        public TaskCompletionSource Moved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiters { get; set; }
    }

    [LoggerMessage(EventId = 3085, Level = LogLevel.Information, Message = "Holding the registry of environment {Environment}: {Count} services")]
    private partial void LogEnvironmentLoaded(string environment, int count);

    [LoggerMessage(EventId = 3086, Level = LogLevel.Warning,
        Message = "Could not read the registry of environment {Environment}; its queries wait for the store: {Detail}")]
    private partial void LogLoadFailed(string environment, string? detail);

    [LoggerMessage(EventId = 3087, Level = LogLevel.Warning,
        Message = "Could not read a changed service of environment {Environment}; the next resync takes it: {Detail}")]
    private partial void LogRefreshFailed(string environment, string? detail);
}
