using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Ports.Access;

/// <summary>
/// An API key as stored: the SHA-256 of its secret (never the secret), its name and grants, who created it and
/// when, and when it expires or was revoked. <see cref="UpdatedAt"/> moves on every change of the row.
/// </summary>
public sealed record ApiKeyRecord(
    Guid Id,
    string Name,
    byte[] Hash,
    Grants Grants,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
