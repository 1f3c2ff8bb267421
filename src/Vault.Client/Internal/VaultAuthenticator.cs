using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The token every call carries, and its upkeep. A given token (<see cref="VaultAuthMethod.Token"/>) is used as it is
/// (a token file is read again when Vault refuses the one read last). A login method logs in on first need, renews the
/// token at about two thirds of its TTL (<see cref="MaintainAsync"/>, run by <see cref="VaultTokenKeeper"/>), logs in
/// again when renewal is refused or capped by the max TTL, and once more when Vault refuses the token of a call
/// (<see cref="ReplaceRefusedAsync"/>). One login at a time; concurrent callers wait for it and share its token.
/// </summary>
internal sealed class VaultAuthenticator
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly VaultOptions _options;
    private readonly VaultTokenSource _given;
    private readonly VaultLogin _login;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loggingIn = new(1, 1);
    private VaultLease? _lease;
    private VaultLease? _givenLease;
    private string? _problem;
    private bool _refused;
    private int _failures;

    public VaultAuthenticator(VaultOptions options, VaultTokenSource given, TimeProvider time, ILogger logger)
    {
        _options = options;
        _given = given;
        _login = new VaultLogin(options.Auth);
        _time = time;
        _logger = logger;
    }

    public VaultAuthMethod Method => _options.Auth.Method;

    private bool LogsIn => Method != VaultAuthMethod.Token;

    private VaultLease? Lease => Volatile.Read(ref _lease);

    public VaultAuthStatus Status => LogsIn
        ? new VaultAuthStatus(Method, Usable(Lease) is not null, Volatile.Read(ref _problem), Volatile.Read(ref _refused))
        : new VaultAuthStatus(Method, !string.IsNullOrEmpty(_given.Current), null);

    /// <summary>The token for a call: the given one, or the login's, logging in first when there is none usable.</summary>
    public async Task<(string? Token, string? Problem)> TokenAsync(VaultExchange exchange, CancellationToken budget, CancellationToken caller)
    {
        if (!LogsIn)
        {
            return (_given.Current, null);
        }

        if (Usable(Lease) is { } lease)
        {
            return (lease.Token, null);
        }

        await LogInAsync(Lease?.Token, exchange, budget, caller);
        return Usable(Lease) is { } fresh ? (fresh.Token, null) : (null, Volatile.Read(ref _problem) ?? "not logged in to Vault");
    }

    /// <summary>
    /// After Vault refused <paramref name="used"/>: a different token to try the call once more with, or null when there
    /// is none (a given token that did not change, or a login that failed). A token Vault still knows (its lookup-self
    /// answers) was refused for what it may do, not for being stale: no login then, so denied calls cause no login storm.
    /// </summary>
    public async Task<string?> ReplaceRefusedAsync(string? used, VaultExchange exchange, CancellationToken budget, CancellationToken caller)
    {
        if (!LogsIn)
        {
            return _given.ReadNow() is { Length: > 0 } reread && reread != used ? reread : null;
        }

        if (Lease is { } current && current.Token != used)
        {
            return current.Token;
        }

        var lookup = await exchange(VaultRequest.Read("auth/token/lookup-self"), used, budget, caller);
        if (lookup.Status != 403)
        {
            return null;
        }

        _logger.LoggingInAgain(_options.Auth.MethodName, "Vault refused the token");
        await LogInAsync(used, exchange, budget, caller);
        return Lease is { } fresh && fresh.Token != used ? fresh.Token : null;
    }

    /// <summary>One step of the token's upkeep (log in, renew, or log in again); answers how long until the next one.</summary>
    public async Task<TimeSpan> MaintainAsync(VaultExchange exchange, CancellationToken stopping)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        budget.CancelAfter(_options.Timeout);
        if (!LogsIn)
        {
            return await MaintainGivenAsync(exchange, budget.Token, stopping);
        }

        var lease = Lease;
        if (Usable(lease) is null || lease!.UntilRefresh(_time) <= TimeSpan.Zero && lease.NeedsLogin)
        {
            if (lease is not null)
            {
                _logger.LoggingInAgain(_options.Auth.MethodName, lease.Renewable ? "the token's max TTL is near" : "the token cannot be renewed");
            }

            await LogInAsync(lease?.Token, exchange, budget.Token, stopping);
            return Usable(Lease) is { } fresh && !ReferenceEquals(fresh, lease) ? fresh.UntilRefresh(_time) : Backoff(Lease);
        }

        var until = lease.UntilRefresh(_time);
        return until > TimeSpan.Zero ? until : await RenewAsync(lease, exchange, budget.Token, stopping);
    }

    private async Task<TimeSpan> RenewAsync(VaultLease lease, VaultExchange exchange, CancellationToken budget, CancellationToken stopping)
    {
        var started = _time.GetTimestamp();
        var request = VaultRequest.Post("auth/token/renew-self", VaultJsonBodies.RenewIncrement(TimeSpan.FromSeconds(lease.IssuedSeconds)));
        var response = await exchange(request, lease.Token, budget, stopping);
        if (response.IsSuccess && VaultLogin.TryParse(response, started, out var renewed))
        {
            var next = lease with { Seconds = renewed.Seconds, Renewable = renewed.Renewable, StartedAt = started };
            Interlocked.CompareExchange(ref _lease, next, lease);
            _failures = 0;
            _logger.Renewed(_options.Auth.MethodName, next.Seconds, next.NeedsLogin);
            return next.UntilRefresh(_time);
        }

        var (outcome, _) = response.IsSuccess ? (VaultOutcome.Rejected, "") : VaultOutcomeClassifier.Classify(response);
        if (outcome == VaultOutcome.Unavailable)
        {
            _failures++;
            _logger.RenewalPostponed(_options.Auth.MethodName, response.Status);
            return Backoff(lease);
        }

        _logger.LoggingInAgain(_options.Auth.MethodName, $"renewal refused ({response.Status})");
        await LogInAsync(lease.Token, exchange, budget, stopping);
        return Usable(Lease) is { } fresh && fresh.Token != lease.Token ? fresh.UntilRefresh(_time) : Backoff(Lease);
    }

    /// <summary>
    /// A given token that expires and can be renewed is renewed at two thirds of its TTL; one that does not expire, or a
    /// token file (its writer, e.g. Vault Agent, renews it), needs nothing.
    /// </summary>
    private async Task<TimeSpan> MaintainGivenAsync(VaultExchange exchange, CancellationToken budget, CancellationToken stopping)
    {
        if (!string.IsNullOrEmpty(_options.TokenFile))
        {
            return Timeout.InfiniteTimeSpan;
        }

        var lease = Volatile.Read(ref _givenLease);
        if (lease is not null && lease.UntilRefresh(_time) > TimeSpan.Zero)
        {
            return lease.UntilRefresh(_time);
        }

        var started = _time.GetTimestamp();
        var renewing = lease is not null;
        var request = renewing
            ? VaultRequest.Post("auth/token/renew-self", VaultJsonBodies.RenewIncrement(null))
            : VaultRequest.Read("auth/token/lookup-self");
        var response = await exchange(request, _given.Current, budget, stopping);
        if (!response.IsSuccess)
        {
            return Backoff(lease);
        }

        var next = renewing
            ? VaultLogin.TryParse(response, started, out var renewed) ? lease! with { Seconds = renewed.Seconds, Renewable = renewed.Renewable, StartedAt = started } : null
            : SysResponseParser.TryParseTokenInfo(response, out var info) ? new VaultLease("", info.Ttl, info.Renewable, info.Ttl, started) : null;
        if (next is null || !next.Expires || !next.Renewable)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (renewing)
        {
            _logger.Renewed(_options.Auth.MethodName, next.Seconds, capped: false);
        }

        Volatile.Write(ref _givenLease, next);
        return next.UntilRefresh(_time);
    }

    private async Task LogInAsync(string? replacing, VaultExchange exchange, CancellationToken budget, CancellationToken caller)
    {
        await _loggingIn.WaitAsync(budget);
        try
        {
            if (Usable(Lease) is { } lease && lease.Token != replacing)
            {
                return; // another caller logged in meanwhile
            }

            await LogInNowAsync(exchange, budget, caller);
        }
        finally
        {
            _loggingIn.Release();
        }
    }

    private async Task LogInNowAsync(VaultExchange exchange, CancellationToken budget, CancellationToken caller)
    {
        var (request, unreadable) = _login.Build();
        if (request is null)
        {
            Fail(_login.DescribeUnreadable(unreadable!), refused: true);
            return;
        }

        var started = _time.GetTimestamp();
        var response = await exchange(request, null, budget, caller);
        if (response.IsSuccess && VaultLogin.TryParse(response, started, out var lease))
        {
            Volatile.Write(ref _lease, lease);
            Volatile.Write(ref _problem, null);
            Volatile.Write(ref _refused, false);
            _failures = 0;
            _logger.LoggedIn(_options.Auth.MethodName, _login.Path, lease.Seconds, lease.Renewable);
            return;
        }

        var (outcome, error) = response.IsSuccess
            ? (VaultOutcome.Rejected, "Vault's answer has no auth block")
            : VaultOutcomeClassifier.Classify(response);
        var unavailable = outcome == VaultOutcome.Unavailable;
        Fail(unavailable ? _login.DescribeUnavailable(error) : _login.DescribeRefusal(response.Status, error), refused: !unavailable);
    }

    private void Fail(string problem, bool refused)
    {
        Volatile.Write(ref _problem, problem);
        Volatile.Write(ref _refused, refused);
        _failures++;
        _logger.LoginFailed(_options.Auth.MethodName, problem);
    }

    /// <summary>1 s, 2 s, 4 s ... up to 30 s after failures; never past two thirds of what is left of a token still held.</summary>
    private TimeSpan Backoff(VaultLease? held)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Max(0, _failures - 1))));
        if (held is { Expires: true } && held.Remaining(_time) is var left && left > TimeSpan.Zero)
        {
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks, left.Ticks * 2 / 3));
        }

        return delay;
    }

    private VaultLease? Usable(VaultLease? lease) =>
        lease is not null && (!lease.Expires || lease.Remaining(_time) > TimeSpan.Zero) ? lease : null;
}
