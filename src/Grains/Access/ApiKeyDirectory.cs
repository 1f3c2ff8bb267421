using System.Collections.Concurrent;
using ConfigCluster.Ports;
using ConfigCluster.Ports.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Access;

/// <summary>
/// This silo's copy of the API key table, by the SHA-256 of each secret: resolving a key is a memory lookup.
/// It reads the rows changed since its last look every <see cref="ApiKeyDirectoryOptions.SyncInterval"/> (with a
/// few seconds of overlap, for transactions that commit late), so revocations reach every silo within that; a key
/// it does not know yet (created on another silo a moment ago) is looked up once in the store. While the store
/// cannot be reached, the keys it knows keep working and unknown ones are refused.
/// </summary>
public sealed partial class ApiKeyDirectory(
    IApiKeyStore store, IOptions<ApiKeyDirectoryOptions> options, TimeProvider time, ILogger<ApiKeyDirectory> logger) : BackgroundService
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<KeyHash, ApiKeyRecord> _keys = new();
    private readonly SemaphoreSlim _lookups = new(4);
    private DateTimeOffset? _seenUpTo;
    private bool _storeDown;

    /// <summary>The key whose secret hashes to <paramref name="hash"/>, revoked or expired ones included; null if none.</summary>
    public ValueTask<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken) =>
        _keys.TryGetValue(KeyHash.Of(hash), out var known) ? ValueTask.FromResult<ApiKeyRecord?>(known) : LookUpAsync(hash, cancellationToken);

    /// <summary>Takes a key this silo itself just created or revoked, ahead of the next sync.</summary>
    public void Remember(ApiKeyRecord key) => _keys[KeyHash.Of(key.Hash)] = key;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SyncAsync(stoppingToken);
            await Task.Delay(options.Value.SyncInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads the keys changed since the last look (all of them the first time).</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var changed = await store.ChangedSinceAsync(_seenUpTo - Overlap, cancellationToken);
        if (!changed.IsOk)
        {
            if (!_storeDown)
            {
                LogStoreUnavailable(changed.Detail);
            }

            _storeDown = true;
            return;
        }

        _storeDown = false;
        foreach (var key in changed.Value!)
        {
            Remember(key);
            _seenUpTo = _seenUpTo is { } seen && seen > key.UpdatedAt ? seen : key.UpdatedAt;
        }
    }

    private async ValueTask<ApiKeyRecord?> LookUpAsync(byte[] hash, CancellationToken cancellationToken)
    {
        // A flood of unknown keys must not become a flood of queries: a few at a time, the rest refused.
        if (!await _lookups.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return null;
        }

        try
        {
            var found = await store.FindByHashAsync(hash, cancellationToken);
            if (found is { IsOk: true, Value: { } key })
            {
                Remember(key);
                return key;
            }

            return null;
        }
        finally
        {
            _lookups.Release();
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning,
        Message = "Cannot read the API keys ({Detail}); the keys this silo knows keep working, unknown ones are refused")]
    private partial void LogStoreUnavailable(string? detail);
}
