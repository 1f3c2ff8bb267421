using System.Net;
using ConfigCluster.Adapters.Redis.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis;

/// <summary>
/// The one StackExchange.Redis multiplexer of the process, shared by the cache and the probe. It connects on
/// first use, never holds up start-up while Redis is down, and reconnects by itself. This class also remembers
/// whether Redis is answering, so that an outage is logged once when it starts and once when it ends.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task<IConnectionMultiplexer>? _multiplexer;
    private int _multiplexersCreated;
    private int _unavailable;
    private bool _disposed;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _configuration = RedisClientConfiguration.Create(options.Value);
        _logger = logger;
    }

    /// <summary>How many multiplexers were created: one, unless setting up the first one failed outright.</summary>
    public int MultiplexersCreated => Volatile.Read(ref _multiplexersCreated);

    /// <summary>
    /// The shared multiplexer; the first call starts connecting in the background. The task may take up to the
    /// connect timeout to complete: callers bound their wait by their own budget.
    /// </summary>
    public Task<IConnectionMultiplexer> GetMultiplexerAsync()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_multiplexer is null || _multiplexer.IsFaulted || _multiplexer.IsCanceled)
            {
                _multiplexer = Task.Run(ConnectAsync);
            }

            return _multiplexer;
        }
    }

    internal void ReportAnswered()
    {
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            _logger.Available();
        }
    }

    internal void ReportUnavailable(string command, string key, string reason)
    {
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            _logger.Unavailable(command, key, reason);
        }
        else
        {
            _logger.CallFailed(command, key, reason);
        }
    }

    /// <summary>Closes the multiplexer without waiting for pending commands (a frozen Redis would hold them for seconds).</summary>
    public async ValueTask DisposeAsync()
    {
        if (TakeForDisposal() is { } connecting)
        {
            var multiplexer = await connecting.ConfigureAwait(false);
            await multiplexer.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="DisposeAsync"/>; a multiplexer still connecting is closed once it is there.</summary>
    public void Dispose()
    {
        TakeForDisposal()?.ContinueWith(static task => Close(task.Result), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Close(IConnectionMultiplexer multiplexer)
    {
        multiplexer.Close(allowCommandsToComplete: false);
        multiplexer.Dispose();
    }

    private Task<IConnectionMultiplexer>? TakeForDisposal()
    {
        lock (_lock)
        {
            var multiplexer = _disposed ? null : _multiplexer;
            _disposed = true;
            return multiplexer is { IsFaulted: false, IsCanceled: false } ? multiplexer : null;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        Interlocked.Increment(ref _multiplexersCreated);
        _logger.Connecting(string.Join(",", _configuration.EndPoints.Select(Describe)), _configuration.DefaultDatabase ?? 0);
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(_configuration.Clone()).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ArgumentException)
        {
            _logger.ConnectFailed(exception.GetType().Name);
            throw;
        }
    }

    private static string Describe(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "?",
    };
}
