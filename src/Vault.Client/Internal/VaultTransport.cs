using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The wire layer shared by the KV v2, KV v1 and sys clients: one <see cref="HttpClient"/>, the Vault
/// headers, the per-call time budget and read retries. It never throws for Vault or network trouble
/// (those become a <see cref="VaultResponse"/> without status); only the caller's own cancellation
/// surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Retry policy: requests marked <see cref="VaultRequest.Retryable"/> (idempotent reads) are retried at most
/// twice, after 100 ms and 250 ms, when Vault answers 429/500/502/503 or the connection fails, and only while
/// the delay still fits in <see cref="VaultOptions.Timeout"/> (one budget for all attempts). Writes, deletes
/// and <c>sys/health</c> are sent exactly once: a retried check-and-set write whose first attempt succeeded
/// unseen would come back as a CAS mismatch.
/// </remarks>
internal sealed class VaultTransport : IDisposable
{
    private static readonly TimeSpan[] DefaultReadRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)];

    private readonly HttpClient _http;
    private readonly string _v1Prefix;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public VaultTransport(VaultOptions options, ILogger logger, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        Options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _http = VaultHttpClientFactory.Create(options, handler);
        _v1Prefix = options.Address.AbsoluteUri.TrimEnd('/') + "/v1/";
    }

    public VaultOptions Options { get; }

    public ILogger Logger => _logger;

    /// <summary>Delays before the read retries; tests shorten them.</summary>
    public IReadOnlyList<TimeSpan> ReadRetryDelays { get; init; } = DefaultReadRetryDelays;

    public async Task<VaultResponse> SendAsync(VaultRequest request, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Options.Timeout);
        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnceAsync(request, budget.Token, cancellationToken).ConfigureAwait(false);
            if (!TryGetRetryDelay(response, attempt, started, budget.IsCancellationRequested, out var delay))
            {
                return response;
            }

            _logger.RetryingRead(request.Method.Method, request.Path, response.Status, attempt, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, budget.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return response;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private bool TryGetRetryDelay(VaultResponse response, int attempt, long started, bool outOfTime, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var transient = response.Status is null or 429 or 500 or 502 or 503;
        if (!response.Request.Retryable || !transient || outOfTime || attempt > ReadRetryDelays.Count)
        {
            return false;
        }

        delay = ReadRetryDelays[attempt - 1];
        return _time.GetElapsedTime(started) + delay < Options.Timeout;
    }

    private async Task<VaultResponse> SendOnceAsync(VaultRequest request, CancellationToken budget, CancellationToken caller)
    {
        try
        {
            using var message = BuildMessage(request);
            using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, budget).ConfigureAwait(false);
            var body = await answer.Content.ReadAsByteArrayAsync(budget).ConfigureAwait(false);
            _logger.Answered(request.Method.Method, request.Path, (int)answer.StatusCode);
            return VaultResponse.Answered(request, (int)answer.StatusCode, body);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            _logger.TimedOut(request.Method.Method, request.Path, Options.Timeout.TotalMilliseconds);
            return VaultResponse.NoAnswer(request, $"no answer within {Options.Timeout.TotalMilliseconds} ms");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            // The transport's own message (e.g. "Connection refused (host:port)"), not a stack trace per call.
            _logger.NoAnswer(request.Method.Method, request.Path, $"{ex.GetType().Name}: {ex.Message}");
            return VaultResponse.NoAnswer(request, $"connection failed: {ex.Message}");
        }
    }

    private HttpRequestMessage BuildMessage(VaultRequest request)
    {
        var query = request.Query is null ? string.Empty : "?" + request.Query;
        var message = new HttpRequestMessage(request.Method, new Uri(_v1Prefix + request.Path + query, UriKind.Absolute));
        message.Headers.TryAddWithoutValidation("X-Vault-Request", "true");
        if (request.Authenticated && !string.IsNullOrEmpty(Options.Token))
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Token", Options.Token);
        }

        if (!string.IsNullOrEmpty(Options.Namespace))
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Namespace", Options.Namespace);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? VaultRequest.Json);
        }

        return message;
    }
}
