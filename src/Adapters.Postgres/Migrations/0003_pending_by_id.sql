-- 0003: the relay reads the outbox only below the oldest pending intent, by id. Without an index on
-- the ids of pending rows, min(id) WHERE state = 'pending' walks the primary key from the first change
-- ever recorded. Pending rows are few (the writes in flight), so this index stays small.
CREATE INDEX config_changes_pending_ids ON config_changes (id)
    WHERE state = 'pending';
