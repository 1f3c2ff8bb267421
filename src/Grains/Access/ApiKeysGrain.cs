using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Ports;
using ConfigCluster.Ports.Access;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Grains.Access;

/// <summary>
/// Creates, lists and revokes API keys through the key store; each change is audited with the key's id, name and
/// grants. The secret is generated here, returned once, and only its hash leaves this method.
/// </summary>
[StatelessWorker]
internal sealed partial class ApiKeysGrain(IApiKeyStore store, ApiKeyDirectory directory, TimeProvider time, ILogger<ApiKeysGrain> logger)
    : Grain, IApiKeysGrain
{
    private const string Unavailable = "The API key store (PostgreSQL) is not available; nothing was changed.";

    public async Task<ApiKeyResult> CreateAsync(NewApiKey key, ChangeContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = ApiKeySecret.Generate();
        var record = new ApiKeyRecord(Guid.NewGuid(), key.Name, ApiKeySecret.Hash(secret), key.Grants, now, context.Actor, key.ExpiresAt, null, now);
        var created = await store.CreateAsync(record, Audit(ChangeAction.Created, record.Id, context, now), cancellationToken);
        if (!created.IsOk)
        {
            LogStoreFailed("create", created.Detail);
            return new ApiKeyResult(ApiKeyOutcome.Unavailable, Detail: Unavailable);
        }

        directory.Remember(record);
        LogCreated(record.Id, record.Name, context.Actor);
        return new ApiKeyResult(ApiKeyOutcome.Created, Info(record), secret);
    }

    public async Task<ApiKeyList> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        return keys.IsOk
            ? new ApiKeyList(ApiKeyOutcome.Ok, [.. keys.Value!.Select(Info)])
            : new ApiKeyList(ApiKeyOutcome.Unavailable, [], Unavailable);
    }

    public async Task<ApiKeyResult> RevokeAsync(Guid id, ChangeContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await store.RevokeAsync(id, now, Audit(ChangeAction.Deleted, id, context, now), cancellationToken);
        switch (revoked.Outcome)
        {
            case StoreOutcome.Ok:
                directory.Remember(revoked.Value!);
                LogRevoked(id, context.Actor);
                return new ApiKeyResult(ApiKeyOutcome.Ok, Info(revoked.Value!));
            case StoreOutcome.NotFound:
                return new ApiKeyResult(ApiKeyOutcome.NotFound, Detail: "No API key has this id.");
            default:
                LogStoreFailed("revoke", revoked.Detail);
                return new ApiKeyResult(ApiKeyOutcome.Unavailable, Detail: Unavailable);
        }
    }

    private static ApiKeyInfo Info(ApiKeyRecord key) =>
        new(key.Id, key.Name, key.Grants, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt);

    /// <summary>The audit row of a key's change: the store adds the key's name and grants as they now are. Never the secret.</summary>
    private static ChangeRecord Audit(ChangeAction action, Guid id, ChangeContext context, DateTimeOffset now) =>
        new(Guid.NewGuid(), action, new ConfigAddress(Grant.Any, "api_keys", id.ToString("D")), 0, 0, false,
            context.Actor, context.RequestId, now, Entity: ChangeEntity.ApiKey);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "API key {KeyId} ({Name}) created by {Actor}")]
    private partial void LogCreated(Guid keyId, string name, string actor);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "API key {KeyId} revoked by {Actor}")]
    private partial void LogRevoked(Guid keyId, string actor);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Cannot {Operation} an API key: {Detail}")]
    private partial void LogStoreFailed(string operation, string? detail);
}
