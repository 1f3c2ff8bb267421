-- 0004: idempotency keys. A write sent with an Idempotency-Key claims the key in the same statement that
-- records its intent, so a retry finds the change its first attempt produced (pending, committed or aborted)
-- and answers that outcome instead of writing again. Holds the key and a fingerprint of the request's
-- operation, config and requested encryption flag; never a value (a retry's value is compared with Vault).
CREATE TABLE idempotency_keys (
    idempotency_key text        PRIMARY KEY,
    change_id       bigint      NOT NULL,
    fingerprint     text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Keys are honoured for 24 hours; expired ones are deleted in batches, oldest first.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
