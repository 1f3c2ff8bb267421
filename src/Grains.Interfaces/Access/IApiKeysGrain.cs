using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// Creates, lists and revokes API keys. A stateless worker: keys are independent rows, so nothing needs
/// serializing; every silo answers for itself and tells its own key directory at once.
/// </summary>
[Alias("ConfigCluster.IApiKeysGrain")]
public interface IApiKeysGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<ApiKeyResult> CreateAsync(NewApiKey key, ChangeContext context, CancellationToken cancellationToken = default);

    [ReadOnly, Alias("List")]
    Task<ApiKeyList> ListAsync(CancellationToken cancellationToken = default);

    [Alias("Revoke")]
    Task<ApiKeyResult> RevokeAsync(Guid id, ChangeContext context, CancellationToken cancellationToken = default);
}
