using System.Security.Claims;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Turns a validated JWT into a <see cref="CallerPrincipal"/>: actor <c>jwt:&lt;sub&gt;</c>, grants from the grants
/// claim (a JSON array, as one claim or one claim per grant) and from the roles it names in
/// <see cref="JwtAuthOptions.RoleGrants"/>. A token without any grant authenticates but may do nothing (403).
/// </summary>
public sealed class JwtGrants(JwtAuthOptions options)
{
    private readonly Dictionary<string, Grants> _roles = options.RoleGrants.ToDictionary(
        r => r.Key, r => GrantsJson.Read(r.Value, out _) ?? Grants.None, StringComparer.Ordinal);

    public Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirst(options.ActorClaim)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            context.Fail($"The token has no '{options.ActorClaim}' claim.");
            return Task.CompletedTask;
        }

        context.Principal = new CallerPrincipal($"jwt:{subject}", GrantsOf(principal), AuthSchemes.Jwt);
        return Task.CompletedTask;
    }

    private Grants GrantsOf(ClaimsPrincipal principal)
    {
        List<Grant> grants = [];
        foreach (var claim in principal.FindAll(options.GrantsClaim))
        {
            grants.AddRange(Parse(claim.Value));
        }

        foreach (var role in principal.FindAll(options.RolesClaim))
        {
            if (_roles.TryGetValue(role.Value, out var roleGrants))
            {
                grants.AddRange(roleGrants.Items);
            }
        }

        return new Grants(grants);
    }

    /// <summary>A claim's value: a JSON array of grants, or one grant object (a token may repeat the claim).</summary>
    private static IEnumerable<Grant> Parse(string value)
    {
        var text = value.TrimStart().StartsWith('{') ? $"[{value}]" : value;
        try
        {
            using var document = JsonDocument.Parse(text);
            return GrantsJson.Read(document.RootElement, out _)?.Items ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
