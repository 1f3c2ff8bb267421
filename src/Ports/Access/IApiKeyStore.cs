namespace ConfigCluster.Ports.Access;

/// <summary>
/// The API keys (PostgreSQL). Creating and revoking a key writes its audit row (entity <c>api_key</c>: id, and as
/// details the key's name, grants, expiry and revocation, never the secret) in the same transaction, to the one
/// audit trail and outbox.
/// Every call answers within the store's timeout; failures are Unavailable, never an exception.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; Conflict when its hash or id is taken (a collision of 256 random bits: retry).</summary>
    Task<StoreResult<bool>> CreateAsync(ApiKeyRecord key, ChangeRecord audit, CancellationToken cancellationToken);

    /// <summary>Revokes a key at <paramref name="at"/>: the key as it now is, NotFound when there is none.</summary>
    Task<StoreResult<ApiKeyRecord>> RevokeAsync(Guid id, DateTimeOffset at, ChangeRecord audit, CancellationToken cancellationToken);

    /// <summary>Every key, revoked and expired ones included, oldest first.</summary>
    Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The keys whose row changed after <paramref name="since"/> (all keys when null), with the newest change time.</summary>
    Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>The key whose secret hashes to <paramref name="hash"/>, or null.</summary>
    Task<StoreResult<ApiKeyRecord?>> FindByHashAsync(byte[] hash, CancellationToken cancellationToken);
}
