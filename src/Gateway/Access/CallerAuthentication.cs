using Microsoft.AspNetCore.Authentication;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Finds the caller of each request: an API key resolved by <see cref="ApiKeyResolver"/> (a memory lookup), a JWT
/// bearer token validated by the JwtBearer handler, or no credential (anonymous). A credential that fails is
/// counted, logged without the credential and marked on the request (<see cref="CredentialRefused"/>): it never falls
/// back to anonymous rights. This runs in place of the framework's authentication middleware, which opens a
/// dependency-injection scope on every request; the JwtBearer handler is asked only for bearer tokens.
/// </summary>
public sealed class CallerAuthentication(RequestDelegate next, ApiKeyResolver keys, AuthFailures failures, JwtAuthOptions? jwt = null)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiKeyResolver.PresentedKey(context.Request) is { } presented)
        {
            var resolved = keys.ResolveAsync(presented, context.RequestAborted);
            return resolved.IsCompletedSuccessfully ? Continue(context, resolved.Result) : ContinueAsync(context, resolved);
        }

        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return next(context);
        }

        if (jwt is not null && authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateJwtAsync(context);
        }

        // A credential this service does not take (another scheme, or a JWT while none are accepted) is refused,
        // never ignored: its caller meant to be someone.
        Refuse(context, AuthFailures.UnsupportedCredential);
        return next(context);
    }

    private async Task ContinueAsync(HttpContext context, ValueTask<(CallerPrincipal? Caller, string? Refusal)> resolved) =>
        await Continue(context, await resolved);

    private Task Continue(HttpContext context, (CallerPrincipal? Caller, string? Refusal) resolved)
    {
        if (resolved.Caller is { } caller)
        {
            context.User = caller;
        }
        else
        {
            Refuse(context, resolved.Refusal!);
        }

        return next(context);
    }

    private async Task AuthenticateJwtAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(AuthSchemes.Jwt);
        if (result.Principal is CallerPrincipal caller)
        {
            context.User = caller;
        }
        else
        {
            Refuse(context, AuthFailures.InvalidToken);
        }

        await next(context);
    }

    private void Refuse(HttpContext context, string reason)
    {
        failures.Record(context, reason);
        context.Features.Set(new CredentialRefused(reason));
    }
}

/// <summary>The request's credential was refused (the reason, never the credential): its caller gets 401.</summary>
public sealed record CredentialRefused(string Reason);
