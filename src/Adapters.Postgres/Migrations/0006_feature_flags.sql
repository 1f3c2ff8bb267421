-- 0006: feature flags. A flag belongs to an environment; its definition (variants, targeting, rules, rollout)
-- is kept as JSON in the API's shape (json, not jsonb: the text is kept as written, so variants keep the order
-- they were given in), its version counts its changes. Flag changes go to the one audit trail
-- (entity 'flag', the definition as details) and are announced on channel feature_flags as "environment/key".
CREATE TABLE feature_flags (
    environment text        NOT NULL,
    key         text        NOT NULL,
    definition  json        NOT NULL,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (environment, key)
);

ALTER TABLE config_changes DROP CONSTRAINT config_changes_entity_check;
ALTER TABLE config_changes ADD CONSTRAINT config_changes_entity_check CHECK (entity IN ('config', 'api_key', 'flag'));
