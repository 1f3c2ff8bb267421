namespace ConfigCluster.Adapters.Postgres.Access;

/// <summary>The statements of the API key store (table <c>api_keys</c>, migration 0005).</summary>
internal static class ApiKeySql
{
    public const string Columns = "id, name, key_hash, grants::text, created_at, created_by, expires_at, revoked_at, updated_at";

    /// <summary>
    /// The audit row of a key's change, committed at once (nothing to settle) and announced to the relay. Its details
    /// are the key's row as it now is: name, grants, expiry and revocation; never the key.
    /// </summary>
    private const string Audit = """
        audit AS (
            INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, new_version,
                                        is_encrypted, actor, request_id, occurred_at, state, committed_at, entity, details)
            SELECT @event_id, @action, '*', 'api_keys', id::text, 0, 0, false, @actor, @request_id, @occurred_at,
                   'committed', now(), 'api_key',
                   jsonb_build_object('name', name, 'grants', grants, 'expires_at', expires_at, 'revoked_at', revoked_at)
              FROM changed
            RETURNING id)
        SELECT audit.id FROM audit CROSS JOIN LATERAL (SELECT pg_notify('config_changes', audit.id::text)) AS announced
        """;

    /// <summary>Inserts the key and its audit row; no row when the id or hash is taken.</summary>
    public const string Create = """
        WITH changed AS (
            INSERT INTO api_keys (id, name, key_hash, grants, created_at, created_by, expires_at, revoked_at, updated_at)
            VALUES (@id, @name, @key_hash, @grants::jsonb, @created_at, @created_by, @expires_at, NULL, now())
            ON CONFLICT DO NOTHING
            RETURNING id, name, grants, expires_at, revoked_at),
        """ + Audit;

    /// <summary>Revokes a key not yet revoked, with its audit row; no row when there is no such key or it was revoked.</summary>
    public const string Revoke = """
        WITH changed AS (
            UPDATE api_keys SET revoked_at = @at, updated_at = now()
             WHERE id = @id AND revoked_at IS NULL
            RETURNING id, name, grants, expires_at, revoked_at),
        """ + Audit;

    public const string ById = "SELECT " + Columns + " FROM api_keys WHERE id = @id";

    public const string All = "SELECT " + Columns + " FROM api_keys ORDER BY created_at, id";

    public const string ChangedSince = "SELECT " + Columns + " FROM api_keys WHERE updated_at > @since ORDER BY updated_at";

    public const string ByHash = "SELECT " + Columns + " FROM api_keys WHERE key_hash = @key_hash";
}
