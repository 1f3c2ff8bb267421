using System.Text.Json;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// API keys under /api/v1/auth/keys, for callers with <c>admin</c> on every environment and service: create (the
/// key is answered once), list (never a key), revoke. Each change is audited with the key's id, name and grants.
/// </summary>
public static class AuthApi
{
    private const long MaxBodyBytes = 64 * 1024;
    private static readonly HashSet<string> Fields = ["name", "grants", "expires_at"];

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var grains = endpoints.ServiceProvider.GetRequiredService<IGrainFactory>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var api = endpoints.MapGroup("/api/v1/auth/keys").WithTags("Auth");
        api.MapPost("/", (HttpContext http, CancellationToken ct) => CreateAsync(http, grains, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapGet("/", (HttpContext http, CancellationToken ct) => ListAsync(http, grains, access, ct));
        api.MapGet("/{id}", (string id, HttpContext http, CancellationToken ct) => GetAsync(id, http, grains, access, ct));
        api.MapDelete("/{id}", (string id, HttpContext http, CancellationToken ct) => RevokeAsync(id, http, grains, access, ct));
        return endpoints;
    }

    private static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var errors = new RequestErrors();
        var key = await ReadNewKeyAsync(http.Request, errors, cancellationToken);
        var context = RequestContext.For(http, caller, errors);
        if (key is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var created = await grains.GetGrain<IApiKeysGrain>(0).CreateAsync(key, context, cancellationToken);
        return created.Outcome == ApiKeyOutcome.Created
            ? TypedResults.Created($"/api/v1/auth/keys/{created.Key!.Id}", ApiKeyResponse.From(created.Key, created.Secret))
            : ConfigProblems.Unavailable(created.Detail, "dependency_unavailable");
    }

    private static async Task<Results<Ok<ApiKeyListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is null)
        {
            return refusal!;
        }

        var keys = await grains.GetGrain<IApiKeysGrain>(0).ListAsync(cancellationToken);
        return keys.Outcome == ApiKeyOutcome.Ok
            ? TypedResults.Ok(new ApiKeyListResponse([.. keys.Keys.Select(k => ApiKeyResponse.From(k))]))
            : ConfigProblems.Unavailable(keys.Detail, "dependency_unavailable");
    }

    /// <summary>One key, by the id its creation answered (the <c>Location</c> of the 201); never its secret.</summary>
    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is null)
        {
            return refusal!;
        }

        var keys = await grains.GetGrain<IApiKeysGrain>(0).ListAsync(cancellationToken);
        if (keys.Outcome != ApiKeyOutcome.Ok)
        {
            return ConfigProblems.Unavailable(keys.Detail, "dependency_unavailable");
        }

        return Guid.TryParseExact(id, "D", out var keyId) && keys.Keys.FirstOrDefault(k => k.Id == keyId) is { } key
            ? TypedResults.Ok(ApiKeyResponse.From(key))
            : TypedResults.Problem("No API key has this id.", statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                extensions: new Dictionary<string, object?> { ["code"] = "not_found" });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var errors = new RequestErrors();
        var context = RequestContext.For(http, caller, errors);
        if (!Guid.TryParseExact(id, "D", out var keyId))
        {
            errors.Add("id", "'id' must be a key id (a UUID).");
        }

        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var revoked = await grains.GetGrain<IApiKeysGrain>(0).RevokeAsync(keyId, context, cancellationToken);
        return revoked.Outcome switch
        {
            ApiKeyOutcome.Ok => TypedResults.NoContent(),
            ApiKeyOutcome.NotFound => TypedResults.Problem(revoked.Detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                extensions: new Dictionary<string, object?> { ["code"] = "not_found" }),
            _ => ConfigProblems.Unavailable(revoked.Detail, "dependency_unavailable"),
        };
    }

    /// <summary><c>{"name": "billing-ci", "grants": [...], "expires_at": null | RFC 3339}</c>, read strictly.</summary>
    private static async Task<NewApiKey?> ReadNewKeyAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, Fields, errors, cancellationToken);
        using var body = document;
        if (body is null)
        {
            return null;
        }

        var name = fields.TryGetValue("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is not { Length: >= 1 and <= 128 } || name.Any(char.IsControl))
        {
            errors.Add("name", "'name' is required: 1 to 128 characters.");
        }

        Grants? grants = null;
        if (!fields.TryGetValue("grants", out var g) || (grants = GrantsJson.Read(g, out var problem)) is null || grants.Items.Count == 0)
        {
            errors.Add("grants", "'grants' is required: a non-empty array of {environment, service_name, actions}.");
        }

        DateTimeOffset? expires = null;
        if (fields.TryGetValue("expires_at", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind != JsonValueKind.String || !e.TryGetDateTimeOffset(out var at) || at <= DateTimeOffset.UtcNow)
            {
                errors.Add("expires_at", "'expires_at' must be null or an RFC 3339 time in the future.");
            }
            else
            {
                expires = at;
            }
        }

        return errors.Any ? null : new NewApiKey(name!, grants!, expires);
    }
}
