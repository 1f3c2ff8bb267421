using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The wire layer shared by the KV v2, KV v1 and sys clients: one <see cref="HttpClient"/>, the Vault
/// headers, the per-call time budget and read retries. It never throws for Vault or network trouble
/// (those become a <see cref="VaultResponse"/> without status); only the caller's own cancellation
/// surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Retry policy (a Polly retry strategy): requests marked <see cref="VaultRequest.Retryable"/> (idempotent
/// reads) are retried at most twice, after 100 ms and 250 ms, when Vault answers 429/500/502/503 or the
/// connection fails, and only while the delay still fits in <see cref="VaultOptions.Timeout"/> (one budget for
/// all attempts). Writes, deletes and <c>sys/health</c> are sent exactly once: a retried check-and-set write
/// whose first attempt succeeded unseen would come back as a CAS mismatch.
/// </remarks>
internal sealed class VaultTransport : IDisposable
{
    private static readonly TimeSpan[] DefaultReadRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)];
    private static readonly ResiliencePropertyKey<long> StartedKey = new("vault.started");

    private readonly HttpClient _http;
    private readonly string _v1Prefix;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<VaultResponse> _retries;
    private readonly VaultAuthenticator _auth;

    public VaultTransport(VaultOptions options, ILogger logger, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        Options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _http = VaultHttpClientFactory.Create(options, handler);
        _auth = new VaultAuthenticator(options, new VaultTokenSource(options, _time), _time, logger);
        _v1Prefix = options.Address.AbsoluteUri.TrimEnd('/') + "/v1/";
        _retries = new ResiliencePipelineBuilder<VaultResponse> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<VaultResponse>
            {
                MaxRetryAttempts = int.MaxValue, // bounded by ShouldRetry: the delays and the time budget
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Result, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(ReadRetryDelays[args.AttemptNumber]),
                OnRetry = args =>
                {
                    var response = args.Outcome.Result!;
                    _logger.RetryingRead(response.Request.Method.Method, response.Request.Path, response.Status,
                        args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();
    }

    public VaultOptions Options { get; }

    public ILogger Logger => _logger;

    /// <summary>Delays before the read retries; tests shorten them.</summary>
    public IReadOnlyList<TimeSpan> ReadRetryDelays { get; init; } = DefaultReadRetryDelays;

    /// <summary>How the client authenticates, and where that stands.</summary>
    public VaultAuthenticator Auth => _auth;

    /// <summary>
    /// Sends <paramref name="request"/> within one <see cref="VaultOptions.Timeout"/>: logs in first when the client has no
    /// usable token, and when Vault refuses the token (403) sends it once more with a new one (a fresh login, or a token
    /// file's new content). A 403 changes nothing in Vault, so a write is safe to send again.
    /// </summary>
    public async Task<VaultResponse> SendAsync(VaultRequest request, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Options.Timeout);
        try
        {
            if (!request.Authenticated)
            {
                return await ExchangeAsync(request, null, budget.Token, cancellationToken).ConfigureAwait(false);
            }

            var (token, problem) = await _auth.TokenAsync(ExchangeAsync, budget.Token, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                return VaultResponse.NoAnswer(request, problem!);
            }

            var response = await ExchangeAsync(request, token, budget.Token, cancellationToken).ConfigureAwait(false);
            if (response.Status != 403 || !request.SentAgainWithNewToken
                || await _auth.ReplaceRefusedAsync(token, ExchangeAsync, budget.Token, cancellationToken).ConfigureAwait(false) is not { } replaced)
            {
                return response;
            }

            _logger.SentAgainWithNewToken(request.Method.Method, request.Path);
            return await ExchangeAsync(request, replaced, budget.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.TimedOut(request.Method.Method, request.Path, Options.Timeout.TotalMilliseconds);
            return VaultResponse.NoAnswer(request, $"no answer within {Options.Timeout.TotalMilliseconds} ms");
        }
    }

    /// <summary>One step of the token's upkeep (<see cref="VaultAuthenticator.MaintainAsync"/>); how long until the next.</summary>
    public Task<TimeSpan> MaintainTokenAsync(CancellationToken stopping) => _auth.MaintainAsync(ExchangeAsync, stopping);

    private async Task<VaultResponse> ExchangeAsync(VaultRequest request, string? token, CancellationToken budget, CancellationToken caller)
    {
        var context = ResilienceContextPool.Shared.Get(caller);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
        try
        {
            return await _retries.ExecuteAsync(
                static (_, state) => new ValueTask<VaultResponse>(state.Transport.SendOnceAsync(state.Request, state.Token, state.Budget, state.Caller)),
                context,
                (Transport: this, Request: request, Token: token, Budget: budget, Caller: caller)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A transient failure of an idempotent read, with a retry left whose delay fits in the budget.</summary>
    private bool ShouldRetry(VaultResponse? response, int attempt, ResilienceContext context)
    {
        var transient = response is { Status: null or 429 or 500 or 502 or 503 };
        if (!transient || !response!.Request.Retryable || attempt >= ReadRetryDelays.Count)
        {
            return false;
        }

        var elapsed = _time.GetElapsedTime(context.Properties.GetValue(StartedKey, _time.GetTimestamp()));
        return elapsed + ReadRetryDelays[attempt] < Options.Timeout;
    }

    private async Task<VaultResponse> SendOnceAsync(VaultRequest request, string? token, CancellationToken budget, CancellationToken caller)
    {
        try
        {
            using var message = BuildMessage(request, token);
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
            if (TlsRefusal(ex) is { } tls)
            {
                _logger.NoAnswer(request.Method.Method, request.Path, $"TLS: {tls}");
                return VaultResponse.NoAnswer(request, $"TLS handshake failed: {tls}");
            }

            _logger.NoAnswer(request.Method.Method, request.Path, $"{ex.GetType().Name}: {ex.Message}");
            return VaultResponse.NoAnswer(request, $"connection failed: {ex.Message}");
        }
    }

    /// <summary>Why Vault's certificate was refused, when that is what failed the call.</summary>
    private static string? TlsRefusal(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is VaultTlsException refused)
            {
                return refused.Message;
            }

            if (inner is System.Security.Authentication.AuthenticationException other)
            {
                return other.Message;
            }
        }

        return null;
    }

    private HttpRequestMessage BuildMessage(VaultRequest request, string? token)
    {
        var query = request.Query is null ? string.Empty : "?" + request.Query;
        var message = new HttpRequestMessage(request.Method, new Uri(_v1Prefix + request.Path + query, UriKind.Absolute));
        message.Headers.TryAddWithoutValidation("X-Vault-Request", "true");
        if (!string.IsNullOrEmpty(Options.Tls.ServerName))
        {
            // The handler takes the TLS server name (SNI, and the name the certificate must have) from Host.
            message.Headers.Host = Options.Tls.ServerName;
        }
        if (token is { Length: > 0 })
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Token", token);
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
