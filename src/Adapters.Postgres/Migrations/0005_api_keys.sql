-- 0005: API keys, and entities other than configs in the one audit trail.
-- A key is stored as the SHA-256 of its secret (the secret itself, 256 random bits, is shown once, when it is
-- created); its grants as JSON. updated_at moves on every change, so silos can follow the table by it.
CREATE TABLE api_keys (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    key_hash    bytea       NOT NULL UNIQUE,
    grants      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    expires_at  timestamptz NULL,
    revoked_at  timestamptz NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX api_keys_by_update ON api_keys (updated_at);

-- The audit trail records changes of API keys beside those of configs: entity says which, details holds what
-- the row says of a non-config entity (a key's name and grants; never the key).
ALTER TABLE config_changes
    ADD COLUMN entity  text  NOT NULL DEFAULT 'config' CHECK (entity IN ('config', 'api_key')),
    ADD COLUMN details jsonb NULL;
