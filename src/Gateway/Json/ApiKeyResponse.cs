using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// An API key as the API shows it. <see cref="Key"/> is the secret: present only in the answer to the key's
/// creation, the one time it is shown.
/// </summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string? Key,
    IReadOnlyList<GrantResponse> Grants,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? ExpiresAt,
    DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo key, string? secret = null) => new(
        key.Id, key.Name, secret, [.. key.Grants.Items.Select(GrantResponse.From)], key.CreatedAt.UtcDateTime, key.CreatedBy,
        key.ExpiresAt?.UtcDateTime, key.RevokedAt?.UtcDateTime);

    public override string ToString() => $"api key {Id} ({Name})"; // never the secret
}

/// <summary>A grant: <c>{"environment", "service_name", "actions"}</c>.</summary>
public sealed record GrantResponse(string Environment, string ServiceName, IReadOnlyList<string> Actions)
{
    public static GrantResponse From(Grant grant) => new(grant.Environment, grant.ServiceName,
        [.. Enum.GetValues<AccessActions>().Where(a => a != AccessActions.None && grant.Actions.HasFlag(a)).Select(a => a.ToString().ToLowerInvariant())]);
}

/// <summary>Every key, revoked and expired ones too, oldest first.</summary>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Items);
