using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Who the caller of a request is, and the refusals the endpoints answer: 401 (with <c>WWW-Authenticate</c>) when
/// the request's credential failed, or when it has none and anonymous callers may not do what it asks; 403
/// <c>forbidden</c> when its credential lacks the grant. A refusal is decided before anything is read, so it never
/// tells whether the thing asked for exists.
/// </summary>
public sealed class AccessPolicy(IOptions<AuthOptions> options)
{
    public const string Challenge = "Bearer realm=\"configcluster\"";

    /// <summary>The caller without a credential, with the rights of <see cref="AuthOptions.Anonymous"/>.</summary>
    public CallerPrincipal Anonymous { get; } = new("anonymous", GrantsOf(options.Value.Anonymous), authenticationType: null);

    /// <summary>
    /// The caller when it may <c>admin</c> everywhere (<c>*</c>/<c>*</c>); else null with the 401 or 403. API keys can grant
    /// anything and a migration writes configs anywhere, so nothing less manages them.
    /// </summary>
    public CallerPrincipal? AdminOf(HttpContext http, out ProblemHttpResult? refusal)
    {
        var caller = CallerOf(http, out refusal);
        if (caller is not null && !caller.Grants.AllowsEverywhere(AccessActions.Admin))
        {
            refusal = Denied(http, caller, AccessActions.Admin);
            return null;
        }

        return caller;
    }

    /// <summary>The request's caller; null with a 401 when it presented a credential that failed.</summary>
    public CallerPrincipal? CallerOf(HttpContext http, out ProblemHttpResult? refusal)
    {
        refusal = null;
        if (http.User is CallerPrincipal caller)
        {
            return caller;
        }

        if (http.Features.Get<CredentialRefused>() is { } refused)
        {
            refusal = Unauthorized(http, $"The credential was refused ({refused.Reason}).");
            return null;
        }

        return Anonymous;
    }

    /// <summary>Null when <paramref name="caller"/> may do <paramref name="action"/> on the environment and service, else the refusal.</summary>
    public static ProblemHttpResult? Refusal(HttpContext http, CallerPrincipal caller, string environment, string serviceName, AccessActions action) =>
        caller.Grants.Allows(environment, serviceName, action) ? null : Denied(http, caller, action);

    /// <summary>The refusal of a caller that may not do <paramref name="action"/> here: 401 for anonymous callers, else 403.</summary>
    public static ProblemHttpResult Denied(HttpContext http, CallerPrincipal caller, AccessActions action) =>
        caller.IsAnonymous
            ? Unauthorized(http, $"This request needs a credential (an API key or a bearer token) with the '{Name(action)}' action.")
            : TypedResults.Problem($"The credential has no grant with the '{Name(action)}' action here; nothing was read or changed.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                extensions: new Dictionary<string, object?> { ["code"] = "forbidden" });

    /// <summary>401 problem+json with the challenge that says which credential to send.</summary>
    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            extensions: new Dictionary<string, object?> { ["code"] = "unauthorized" });
    }

    private static string Name(AccessActions action) => action.ToString().ToLowerInvariant();

    private static Grants GrantsOf(AnonymousAccess access) => access switch
    {
        AnonymousAccess.Read => new([new Grant(Grant.Any, Grant.Any, AccessActions.Read)]),
        AnonymousAccess.Reveal => new([new Grant(Grant.Any, Grant.Any, AccessActions.Read | AccessActions.Reveal)]),
        AnonymousAccess.Write => new([new Grant(Grant.Any, Grant.Any, AccessActions.Read | AccessActions.Reveal | AccessActions.Write)]),
        AnonymousAccess.Admin => Grants.Everything,
        _ => Grants.None,
    };
}
