-- 0007: the service registry, and the Orleans reminders that keep its health checks running.
--
-- Per environment: services and their registered instances. An instance's registration (address, port, scheme,
-- metadata, tags, weight, health check, deregister_critical_after) is what its client last registered; status,
-- output and the times are what its check decided. The registry index is one increasing number for the whole
-- registry (as Consul's): every change of an instance takes the next one, as the instance's modify_index and as its
-- service's index, which a service keeps after its last instance is gone so that a watcher sees the removal.
-- Changes go to the one audit trail (entity 'instance', no metadata values) and are announced on channel
-- registry_changes as "environment/service".
CREATE SEQUENCE registry_index;

CREATE TABLE registry_services (
    environment  text   NOT NULL,
    service      text   NOT NULL,
    modify_index bigint NOT NULL,
    PRIMARY KEY (environment, service)
);

CREATE TABLE registry_instances (
    environment               text        NOT NULL,
    service                   text        NOT NULL,
    instance_id               text        NOT NULL,
    address                   text        NOT NULL,
    port                      integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    scheme                    text        NOT NULL CHECK (scheme IN ('http', 'https')),
    metadata                  jsonb       NOT NULL,
    tags                      text[]      NOT NULL,
    weight                    integer     NOT NULL,
    health_check              jsonb       NOT NULL,
    deregister_critical_after interval    NOT NULL,
    status                    text        NOT NULL CHECK (status IN ('passing', 'warning', 'critical')),
    output                    text        NOT NULL,
    registered_at             timestamptz NOT NULL,
    last_heartbeat_at         timestamptz NULL,
    status_changed_at         timestamptz NOT NULL,
    modify_index              bigint      NOT NULL,
    PRIMARY KEY (environment, service, instance_id),
    FOREIGN KEY (environment, service) REFERENCES registry_services (environment, service)
);

ALTER TABLE config_changes DROP CONSTRAINT config_changes_entity_check;
ALTER TABLE config_changes ADD CONSTRAINT config_changes_entity_check
    CHECK (entity IN ('config', 'api_key', 'flag', 'instance'));

-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql"), in the style of migration 0002:
-- our own layout, and statements written to the provider's contract (query keys, parameter names, result column
-- names). A reminder brings a grain back on a live silo after its silo died; grain_hash places it on the ring.
CREATE TABLE orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Register or change a reminder; answers its new version (0 for a new one).
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash, version = r.version + 1
RETURNING r.version AS "Version"
$q$),

-- A grain's reminders.
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

-- One reminder of a grain.
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- The reminders of a ring range that does not wrap: (BeginHash, EndHash].
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- The reminders of a ring range that wraps: above BeginHash or up to EndHash.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Remove one reminder at the version the caller saw; true when it was removed.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*) > 0 FROM removed
$q$),

-- Remove every reminder of a service.
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
