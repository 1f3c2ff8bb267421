using System.Collections.Concurrent;
using ConfigCluster.Grains.Access;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Resolves a presented API key to its caller: the bootstrap key or a key of the silo's <see cref="ApiKeyDirectory"/>,
/// through the key's SHA-256 (a memory lookup). One principal per key (and per change of its row) is kept and reused,
/// so an authenticated read allocates none. Unknown, revoked and expired keys are refused with their reason.
/// </summary>
public sealed class ApiKeyResolver(ApiKeyDirectory directory, BootstrapKey bootstrap, TimeProvider time)
{
    private readonly ConcurrentDictionary<(Guid Id, DateTimeOffset UpdatedAt), CallerPrincipal> _callers = new();

    /// <summary>The key a request presents (<c>X-API-Key</c>, or a bearer token of a key's form), or null.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeySecret.Prefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    /// <summary>The caller of a presented key, or null and why it is refused (an <see cref="AuthFailures"/> reason).</summary>
    public ValueTask<(CallerPrincipal? Caller, string? Refusal)> ResolveAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.HasKeyForm(presented))
        {
            return ValueTask.FromResult<(CallerPrincipal?, string?)>((null, AuthFailures.MalformedKey));
        }

        var hash = ApiKeySecret.Hash(presented);
        if (bootstrap.Matches(hash))
        {
            return ValueTask.FromResult<(CallerPrincipal?, string?)>((bootstrap.Caller, null));
        }

        var found = directory.FindAsync(hash, cancellationToken);
        return found.IsCompletedSuccessfully ? ValueTask.FromResult(CallerOf(found.Result)) : AwaitAsync(found);
    }

    private async ValueTask<(CallerPrincipal?, string?)> AwaitAsync(ValueTask<Ports.Access.ApiKeyRecord?> found) => CallerOf(await found);

    private (CallerPrincipal?, string?) CallerOf(Ports.Access.ApiKeyRecord? key) => key switch
    {
        null => (null, AuthFailures.UnknownKey),
        { RevokedAt: not null } => (null, AuthFailures.RevokedKey),
        { ExpiresAt: { } expires } when expires <= time.GetUtcNow() => (null, AuthFailures.ExpiredKey),
        _ => (_callers.GetOrAdd((key.Id, key.UpdatedAt), static (_, k) => new CallerPrincipal($"key:{k.Name}", k.Grants, AuthSchemes.ApiKey, $"key-id:{k.Id}"), key), null),
    };
}
