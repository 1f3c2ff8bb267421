-- 0008: a config set back to an earlier version is audited as 'rolled_back' (its details name the source
-- version), beside created, updated and deleted.
ALTER TABLE config_changes DROP CONSTRAINT config_changes_action_check;
ALTER TABLE config_changes ADD CONSTRAINT config_changes_action_check
    CHECK (action IN ('created', 'updated', 'deleted', 'rolled_back'));
