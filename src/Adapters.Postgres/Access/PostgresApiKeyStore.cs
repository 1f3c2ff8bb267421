using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Ports.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Access;

/// <summary><see cref="IApiKeyStore"/> on table <c>api_keys</c>; each change's audit row goes to <c>config_changes</c> with it.</summary>
public sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresApiKeyStore> logger)
    : IApiKeyStore
{
    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);

    public Task<StoreResult<bool>> CreateAsync(ApiKeyRecord key, ChangeRecord audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _guard.RunAsync("create api key", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(ApiKeySql.Create, connection);
            AddKey(command.Parameters, key);
            AddAudit(command.Parameters, audit);
            return await command.ExecuteScalarAsync(token) is long
                ? StoreResult<bool>.Ok(true)
                : StoreResult<bool>.Fail(StoreOutcome.Conflict, "An API key with this id or secret exists.");
        }, cancellationToken);
    }

    public Task<StoreResult<ApiKeyRecord>> RevokeAsync(Guid id, DateTimeOffset at, ChangeRecord audit, CancellationToken cancellationToken) =>
        _guard.RunAsync("revoke api key", async (connection, token) =>
        {
            await using (var revoke = new NpgsqlCommand(ApiKeySql.Revoke, connection))
            {
                revoke.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
                revoke.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
                AddAudit(revoke.Parameters, audit);
                await revoke.ExecuteScalarAsync(token);
            }

            var keys = await ReadAsync(connection, ApiKeySql.ById, p => p.Add(new NpgsqlParameter<Guid>("id", id)), token);
            return keys.Count == 1 ? StoreResult<ApiKeyRecord>.Ok(keys[0]) : StoreResult<ApiKeyRecord>.Fail(StoreOutcome.NotFound, "No such API key.");
        }, cancellationToken);

    public Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ListAsync(CancellationToken cancellationToken) =>
        _guard.RunAsync("list api keys", async (connection, token) =>
            StoreResult<IReadOnlyList<ApiKeyRecord>>.Ok(await ReadAsync(connection, ApiKeySql.All, _ => { }, token)), cancellationToken);

    public Task<StoreResult<IReadOnlyList<ApiKeyRecord>>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        _guard.RunAsync("api key changes", async (connection, token) => StoreResult<IReadOnlyList<ApiKeyRecord>>.Ok(await ReadAsync(
            connection, ApiKeySql.ChangedSince,
            p => p.Add(new NpgsqlParameter<DateTimeOffset>("since", (since ?? DateTimeOffset.UnixEpoch).ToUniversalTime())), token)),
            cancellationToken);

    public Task<StoreResult<ApiKeyRecord?>> FindByHashAsync(byte[] hash, CancellationToken cancellationToken) =>
        _guard.RunAsync("find api key", async (connection, token) =>
        {
            var keys = await ReadAsync(connection, ApiKeySql.ByHash, p => p.Add(new NpgsqlParameter<byte[]>("key_hash", hash)), token);
            return StoreResult<ApiKeyRecord?>.Ok(keys.Count == 1 ? keys[0] : null);
        }, cancellationToken);

    private static async Task<List<ApiKeyRecord>> ReadAsync(
        NpgsqlConnection connection, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<ApiKeyRecord> keys = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyRecord(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2),
                GrantsJson.Read(reader.GetString(3), out _) ?? Grants.None,
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return keys;
    }

    private static void AddKey(NpgsqlParameterCollection parameters, ApiKeyRecord key)
    {
        parameters.Add(new NpgsqlParameter<Guid>("id", key.Id));
        parameters.Add(new NpgsqlParameter<string>("name", key.Name));
        parameters.Add(new NpgsqlParameter<byte[]>("key_hash", key.Hash));
        parameters.Add(new NpgsqlParameter<string>("grants", GrantsJson.Write(key.Grants)));
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("created_at", key.CreatedAt.ToUniversalTime()));
        parameters.Add(new NpgsqlParameter<string>("created_by", key.CreatedBy));
        parameters.Add(new NpgsqlParameter("expires_at", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)key.ExpiresAt?.ToUniversalTime() ?? DBNull.Value });
    }

    private static void AddAudit(NpgsqlParameterCollection parameters, ChangeRecord audit)
    {
        parameters.Add(new NpgsqlParameter<Guid>("event_id", audit.EventId));
        parameters.Add(new NpgsqlParameter<string>("action", ChangeActions.ToText(audit.Action)));
        parameters.Add(new NpgsqlParameter<string>("actor", audit.Actor));
        parameters.Add(new NpgsqlParameter<string>("request_id", audit.RequestId));
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurred_at", audit.At.ToUniversalTime()));
    }
}
