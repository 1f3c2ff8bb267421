using System.Collections.Concurrent;
using ConfigCluster.Grains.Interfaces.Flags;
using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Flags;

/// <summary>
/// The flags this silo evaluates, per environment: an environment is read from the store the first time it is
/// asked for, then held and kept current by a <see cref="Changes.SnapshotFollower"/> (every change, on any silo, within
/// milliseconds; everything again after a lost connection and every <see cref="FlagOptions.ResyncInterval"/>).
/// Evaluations read what is held and never wait for the store, so they go on while PostgreSQL is down.
/// </summary>
public sealed partial class FlagSnapshots(IFlagStore store, IOptions<FlagOptions> options, ILogger<FlagSnapshots> logger)
    : Changes.IFollowedSnapshot
{
    private const int LoadAttempts = 3;

    private readonly ConcurrentDictionary<string, EnvironmentFlags> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<EnvironmentFlags?>> _loading = new(StringComparer.Ordinal);
    private int _empty;
    private long _changesHeard;

    /// <summary>The environments held now.</summary>
    public ICollection<string> Environments => _held.Keys;

    /// <summary>
    /// The flags of <paramref name="environment"/>: at once when held, else read from the store (one read however
    /// many callers wait for it). Null when it is not held and the store does not answer.
    /// </summary>
    public ValueTask<EnvironmentFlags?> GetAsync(string environment) =>
        _held.TryGetValue(environment, out var flags) ? ValueTask.FromResult<EnvironmentFlags?>(flags) : new(LoadAsync(environment));

    /// <summary>Takes a flag just written through this silo, ahead of the store's announcement.</summary>
    public void Apply(FlagDefinition flag) => Swap(flag.Environment, held => held.With(flag));

    /// <summary>Drops a flag just deleted through this silo (<paramref name="deleted"/> as it was), ahead of the announcement.</summary>
    public void Remove(FlagDefinition deleted) => Swap(deleted.Environment, held => held.Without(deleted.Key, deleted));

    /// <summary>Reads one changed flag again, when its environment is held. False when the store did not answer.</summary>
    public async Task<bool> RefreshAsync(string environment, string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _changesHeard);
        if (!_held.ContainsKey(environment))
        {
            return true;
        }

        var read = await store.ReadAsync(environment, key, cancellationToken);
        if (!read.IsOk)
        {
            LogRefreshFailed(environment, read.Detail);
            return false;
        }

        if (read.Value is { } stored && StoredFlags.Definition(stored, logger) is { } flag)
        {
            Swap(environment, held => held.With(flag));
        }
        else if (read.Value is null)
        {
            Swap(environment, held => held.Without(key));
        }

        return true;
    }

    /// <summary>Reads every held environment again in full. False when the store did not answer for some.</summary>
    public async Task<bool> ResyncAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _changesHeard);
        var complete = true;
        foreach (var environment in _held.Keys)
        {
            if (await ListAsync(environment, cancellationToken) is { } flags)
            {
                _held[environment] = flags;
            }
            else
            {
                complete = false;
            }
        }

        return complete;
    }

    private void Swap(string environment, Func<EnvironmentFlags, EnvironmentFlags> change)
    {
        while (_held.TryGetValue(environment, out var held) && !_held.TryUpdate(environment, change(held), held))
        {
        }
    }

    private Task<EnvironmentFlags?> LoadAsync(string environment)
    {
        var loading = _loading.GetOrAdd(environment, LoadOnceAsync);
        return loading;
    }

    private async Task<EnvironmentFlags?> LoadOnceAsync(string environment)
    {
        try
        {
            await Task.Yield();
            EnvironmentFlags? flags = null;
            // A change announced while the list was being read may be missing from it: read again.
            for (var attempt = 0; attempt < LoadAttempts; attempt++)
            {
                var heard = Interlocked.Read(ref _changesHeard);
                flags = await ListAsync(environment, CancellationToken.None);
                if (flags is null || Interlocked.Read(ref _changesHeard) == heard)
                {
                    break;
                }
            }

            if (flags is not null && (flags.ByKey.Count > 0 || Interlocked.Increment(ref _empty) <= options.Value.MaxEmptyEnvironments))
            {
                flags = _held.GetOrAdd(environment, flags);
                LogEnvironmentLoaded(environment, flags.ByKey.Count);
            }

            return flags;
        }
        finally
        {
            _loading.TryRemove(environment, out _);
        }
    }

    private async Task<EnvironmentFlags?> ListAsync(string environment, CancellationToken cancellationToken)
    {
        var listed = await store.ListAsync(environment, cancellationToken);
        if (!listed.IsOk)
        {
            LogLoadFailed(environment, listed.Detail);
            return null;
        }

        return EnvironmentFlags.Of(environment, listed.Value!.Select(f => StoredFlags.Definition(f, logger)).OfType<FlagDefinition>());
    }

    [LoggerMessage(EventId = 3060, Level = LogLevel.Information, Message = "Holding the flags of environment {Environment}: {Count} flags")]
    private partial void LogEnvironmentLoaded(string environment, int count);

    [LoggerMessage(EventId = 3061, Level = LogLevel.Warning,
        Message = "Could not read the flags of environment {Environment}; evaluations there wait for the store: {Detail}")]
    private partial void LogLoadFailed(string environment, string? detail);

    [LoggerMessage(EventId = 3062, Level = LogLevel.Warning,
        Message = "Could not read a changed flag of environment {Environment}; the next resync takes it: {Detail}")]
    private partial void LogRefreshFailed(string environment, string? detail);
}
