-- 0001: the change log. One row per intended change of a config; the same rows are the audit trail
-- (committed rows, kept forever) and the outbox of events (committed rows not yet published).
-- No column holds a config value, ever (decisions 11-12).
CREATE TABLE config_changes (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    action       text        NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
    environment  text        NOT NULL,
    service_name text        NOT NULL,
    key          text        NOT NULL,
    old_version  bigint      NOT NULL,
    new_version  bigint      NOT NULL,
    is_encrypted boolean     NOT NULL,
    actor        text        NOT NULL,
    request_id   text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    occurred_at  timestamptz NOT NULL,
    state        text        NOT NULL CHECK (state IN ('pending', 'committed', 'aborted')),
    committed_at timestamptz NULL,
    published_at timestamptz NULL
);

-- A config's history and its latest change, newest first.
CREATE INDEX config_changes_by_config ON config_changes (environment, service_name, key, id DESC);

-- The outbox: committed, unpublished changes in id order.
CREATE INDEX config_changes_unpublished ON config_changes (id)
    WHERE state = 'committed' AND published_at IS NULL;

-- Intents to settle: pending changes, oldest first.
CREATE INDEX config_changes_pending ON config_changes (recorded_at)
    WHERE state = 'pending';

-- A commit wakes the relay (LISTEN config_changes). The payload is the row id, never a value.
-- Notifications are sent when the committing transaction commits, so the relay reads a visible row.
CREATE FUNCTION config_changes_notify_commit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('config_changes', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER config_changes_committed
    AFTER UPDATE OF state ON config_changes
    FOR EACH ROW
    WHEN (NEW.state = 'committed' AND OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION config_changes_notify_commit();
