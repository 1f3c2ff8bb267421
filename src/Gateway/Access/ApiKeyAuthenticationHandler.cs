using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using ConfigCluster.Grains.Access;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// API keys, sent as <c>X-API-Key: cck_...</c> or <c>Authorization: Bearer cck_...</c>. A key resolves through its
/// SHA-256 to the bootstrap key or the silo's <see cref="ApiKeyDirectory"/> (a memory lookup); one ticket per key is
/// kept and reused, so an authenticated read allocates no principal. Unknown, revoked and expired keys fail
/// (401): a wrong credential never falls back to anonymous rights.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyDirectory directory,
    BootstrapKey bootstrap,
    AuthFailures failures,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private static readonly ConcurrentDictionary<(Guid Id, DateTimeOffset UpdatedAt), AuthenticationTicket> Tickets = new();

    /// <summary>The key a request presents, or null when it presents none.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeySecret.Prefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.HasKeyForm(presented))
        {
            return failures.Fail(Context, AuthFailures.MalformedKey);
        }

        var hash = ApiKeySecret.Hash(presented);
        if (bootstrap.Matches(hash))
        {
            return AuthenticateResult.Success(bootstrap.Ticket);
        }

        var key = await directory.FindAsync(hash, Context.RequestAborted);
        if (key is null)
        {
            return failures.Fail(Context, AuthFailures.UnknownKey);
        }

        if (key.RevokedAt is not null)
        {
            return failures.Fail(Context, AuthFailures.RevokedKey);
        }

        if (key.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return failures.Fail(Context, AuthFailures.ExpiredKey);
        }

        return AuthenticateResult.Success(Tickets.GetOrAdd((key.Id, key.UpdatedAt),
            static (_, k) => new AuthenticationTicket(new CallerPrincipal($"key:{k.Name}", k.Grants, AuthSchemes.ApiKey), AuthSchemes.ApiKey), key));
    }
}
