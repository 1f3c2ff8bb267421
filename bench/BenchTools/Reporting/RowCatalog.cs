namespace ConfigCluster.BenchTools.Reporting;

/// <summary>A row of the table: what wrk drove (bench/run.sh names its result file <c>{Id}-c{connections}.json</c>) and its baseline.</summary>
internal sealed record RowDefinition(string Id, string Title, string What, string? BaselineId);

/// <summary>The rows in the order the table shows them: the service's rows, then the baselines.</summary>
internal static class RowCatalog
{
    public static readonly IReadOnlyList<RowDefinition> Rows =
    [
        new("get-plain", "cached GET (plain)", "GET of a random plain config: the answer its grain holds, from the gateway's local reads", "kestrel-get"),
        new("get-plain-key", "cached GET (API key)", "the cached GET sent with an API key (read on the bench environment): authentication and grants on the hot path", "kestrel-get"),
        new("get-plain-paced", "cached GET (paced)", "the cached GET open loop: a fixed rate of requests, due on a schedule whatever the answers' pace", "kestrel-get-paced"),
        new("get-encrypted", "encrypted GET", "GET of a random encrypted config: a Vault read every time", "vault-get"),
        new("put-many", "PUT, many keys", "PUT of a random config: audit row, Vault CAS write, Redis, watchers, Kafka event", "vault-put"),
        new("put-one", "PUT, one key", "PUT of one config: writes queue in its grain", "vault-put"),
        new("heartbeat", "heartbeat (TTL)", "PUT heartbeat (empty body) of a random seeded registry instance: its grain renews the TTL; an absolute figure, no baseline", null),
        new("list", "list page", "GET of a page (50) of one service's configs", "kestrel-list"),
        new("ofrep", "OFREP evaluation", "OFREP evaluation of a random flag of 100 for a random user: grants, context, rules and bucketing from memory", "kestrel-ofrep"),
        new("ofrep-bulk", "OFREP bulk (100 flags)", "OFREP bulk evaluation of all 100 flags for a random user, with its ETag", "kestrel-ofrep-bulk"),
        new("registry-healthy", "healthy instances", "GET of a random registry service's healthy instances (?healthy=true): the list the silo holds in memory", "kestrel-registry"),
        new("kestrel-get", "bare Kestrel GET", "baseline: Kestrel answering the gateway's bytes for a config", null),
        new("kestrel-get-paced", "bare Kestrel (paced)", "baseline: bare Kestrel GET open loop at the same rate", null),
        new("kestrel-list", "bare Kestrel list", "baseline: Kestrel answering the gateway's bytes for a list page", null),
        new("kestrel-ofrep", "bare Kestrel OFREP", "baseline: Kestrel answering the gateway's bytes for an OFREP evaluation (POST)", null),
        new("kestrel-ofrep-bulk", "bare Kestrel OFREP bulk", "baseline: Kestrel answering the gateway's bytes for a bulk evaluation (POST)", null),
        new("kestrel-registry", "bare Kestrel registry", "baseline: Kestrel answering the gateway's bytes for a service's healthy instances", null),
        new("vault-get", "Vault GET (direct)", "baseline: the same encrypted secrets read from the dev Vault", null),
        new("vault-put", "Vault PUT (direct)", "baseline: a plain write to the dev Vault, no CAS", null),
    ];

    public static RowDefinition Get(string id) => Rows.Single(r => r.Id == id);
}
