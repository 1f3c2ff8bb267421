-- 0002: Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql") in the same
-- database as the change log, applied by the same migrations. Our own layout and query texts, written to
-- the provider's contract (the query keys and parameters of dotnet/orleans src/AdoNet): the provider reads every statement from
-- OrleansQuery (unquoted and unqualified, so it folds to orleansquery and resolves through search_path)
-- and binds its parameters by name (@DeploymentId, ...). No PL/pgSQL: each conditional write is one
-- statement with data-modifying CTEs that always returns exactly one row of one boolean column.
-- No column holds a config value (decisions 11-12): silo addresses, statuses and times only.

-- The statements the ADO.NET providers of Orleans run, by key. Keys are matched case-sensitively.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster (@DeploymentId is ClusterOptions.ClusterId). version is the membership table's
-- version (its etag): every insert or update of a member bumps it by one; heartbeats and cleanup do not.
CREATE TABLE orleans_cluster_versions (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation) of a cluster. status is Orleans' SiloStatus
-- (3 Active, 6 Dead, ...); proxy_port 0 means no gateway; suspect_times is Orleans' own encoding
-- ("<silo>,<time> GMT|..."), NULL or empty for none.
CREATE TABLE orleans_cluster_members (
    deployment_id   text        NOT NULL REFERENCES orleans_cluster_versions (deployment_id),
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- The texts. Result columns are aliased to the exact names the provider reads. A later migration may
-- revise a text: the insert below replaces the row of its key.
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Silo start: the cluster's version row, once; true when this call created it, false when it existed.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_cluster_versions (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT FROM created) AS "Inserted"
$q$),

-- Heartbeat: this silo's IAmAliveTime only, by primary key; never the version.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_cluster_members
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- Join: bump the version iff it is still @Version and the silo is not there yet, then insert the silo.
-- The bump locks the version row first, so concurrent writers of a cluster serialize on it and all but
-- one find the version moved. Both or neither; true when both.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_cluster_versions v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
      AND NOT EXISTS (
          SELECT FROM orleans_cluster_members m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deployment_id),
inserted AS (
    INSERT INTO orleans_cluster_members (deployment_id, address, port, generation, silo_name, host_name,
        status, proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped b
    RETURNING 1)
SELECT EXISTS (SELECT FROM inserted) AS "Inserted"
$q$),

-- Status change or suspicion: lock the silo's row, bump the version iff the row exists and the version
-- is still @Version, then update the row. Locking the row first keeps a concurrent cleanup from deleting
-- it between the bump and the update. Both or neither; true when both.
('UpdateMembershipKey', $q$
WITH target AS (
    SELECT m.deployment_id FROM orleans_cluster_members m
    WHERE m.deployment_id = @DeploymentId AND m.address = @Address AND m.port = @Port
      AND m.generation = @Generation
    FOR UPDATE),
bumped AS (
    UPDATE orleans_cluster_versions v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version AND EXISTS (SELECT FROM target)
    RETURNING v.deployment_id),
updated AS (
    UPDATE orleans_cluster_members m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE m.deployment_id = b.deployment_id AND m.address = @Address AND m.port = @Port
      AND m.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT FROM updated) AS "Updated"
$q$),

-- One silo and the version, atomically: always one row while the cluster's version row exists
-- (StartTime NULL when the silo is not there).
('MembershipReadRowKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
    m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
    m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
    v.version AS "Version"
FROM orleans_cluster_versions v
LEFT JOIN orleans_cluster_members m
    ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port
   AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- Every silo of the cluster and the version, atomically: at least one row while the version row exists.
('MembershipReadAllKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
    m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
    m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
    v.version AS "Version"
FROM orleans_cluster_versions v
LEFT JOIN orleans_cluster_members m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
ORDER BY m.address, m.port, m.generation
$q$),

-- Clients: the gateways of silos in @Status (Orleans passes 3, Active) that have one.
('GatewaysQueryKey', $q$
SELECT m.address AS "Address", m.proxy_port AS "ProxyPort", m.generation AS "Generation"
FROM orleans_cluster_members m
WHERE m.deployment_id = @DeploymentId AND m.status = @Status AND m.proxy_port > 0
$q$),

-- Teardown and tooling only: the cluster's silos and its version row.
('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM orleans_cluster_members WHERE deployment_id = @DeploymentId)
DELETE FROM orleans_cluster_versions WHERE deployment_id = @DeploymentId
$q$),

-- Cleanup, legacy form: Dead silos (6) not alive since the cutoff @IAmAliveTime. Not the version.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_cluster_members
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$),

-- Cleanup, per row (Orleans 10.4.2 prefers it when present): one Dead silo, only while it still has the
-- values Orleans read (SuspectTimes NULL and empty alike). Not the version.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_cluster_members
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
