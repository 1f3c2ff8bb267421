using ConfigCluster.Ports;
using ConfigCluster.Ports.Access;

namespace ConfigCluster.Grains.Access;

/// <summary>The key store when no PostgreSQL is configured: no API keys exist (the bootstrap key and JWTs still work).</summary>
internal sealed class NoApiKeyStore : IApiKeyStore
{
    private const string Detail = "API keys need PostgreSQL (ConnectionStrings:Postgres), which is not configured.";

    public Task<StoreResult<bool>> CreateAsync(ApiKeyRecord key, ChangeRecord audit, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<bool>.Fail(StoreOutcome.Unavailable, Detail));

    public Task<StoreResult<ApiKeyRecord>> RevokeAsync(Guid id, DateTimeOffset at, ChangeRecord audit, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<ApiKeyRecord>.Fail(StoreOutcome.Unavailable, Detail));

    public Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<IReadOnlyList<ApiKeyRecord>>.Fail(StoreOutcome.Unavailable, Detail));

    public Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<IReadOnlyList<ApiKeyRecord>>.Ok([]));

    public Task<StoreResult<ApiKeyRecord?>> FindByHashAsync(byte[] hash, CancellationToken cancellationToken) =>
        Task.FromResult(StoreResult<ApiKeyRecord?>.Ok(null));
}
