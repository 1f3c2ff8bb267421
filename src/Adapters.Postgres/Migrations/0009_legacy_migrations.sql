-- 0009: runs of the legacy-table migration into Vault, so that their progress can be polled through any gateway
-- and outlives the gateway running them. updated_at is the run's heartbeat: a run left 'running' whose heartbeat
-- stopped was interrupted. report holds names and counts only, never a value; source never a password.
CREATE TABLE legacy_migrations (
    id               uuid        PRIMARY KEY,
    source           text        NOT NULL,
    actor            text        NOT NULL,
    dry_run          boolean     NOT NULL,
    remove_migrated  boolean     NOT NULL,
    state            text        NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'interrupted')),
    total            bigint      NOT NULL,
    done             bigint      NOT NULL,
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz NULL,
    report           jsonb       NULL,
    error            text        NULL
);
