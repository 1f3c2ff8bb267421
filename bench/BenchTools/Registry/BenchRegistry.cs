namespace ConfigCluster.BenchTools.Registry;

/// <summary>
/// The registry instances a run seeds; bench/wrk/bench.lua names them the same way. Instance <c>i</c> of
/// <see cref="Instances"/> is <c>inst-{i:D5}</c> of service <c>reg-{i % Services:D3}</c> in environment <c>bench</c>,
/// with a TTL check longer than any run, so every instance stays passing without a heartbeat.
/// </summary>
internal sealed record BenchRegistry(int Instances, int Services)
{
    /// <summary>The seeded instances' TTL: a run's heartbeats reach only some of them, and none must expire meanwhile.</summary>
    public const string SeedTtl = "24h";

    /// <summary>The service of the death probe's instances, apart from the seeded ones.</summary>
    public const string DeathService = "reg-death";

    /// <summary>The death probe's HTTP check: every second, half a second to answer, critical on the first failure.</summary>
    public const string DeathCheckInterval = "1s";

    public const string DeathCheckTimeout = "500ms";

    /// <summary>
    /// How long the registry may take from an instance's death until queries show it critical: the check's interval (the
    /// next check), its timeout (that check failing) and a second for storing the status and serving it.
    /// </summary>
    public static readonly TimeSpan DeathTarget = CommandLineOptions.ParseDuration(DeathCheckInterval) +
        CommandLineOptions.ParseDuration(DeathCheckTimeout) + TimeSpan.FromSeconds(1);

    public static string ServiceName(int service) => $"reg-{service:D3}";

    public static string InstanceId(int i) => $"inst-{i:D5}";

    public string ServiceOf(int i) => ServiceName(i % Services);

    public static string ListPath(string service) => $"/api/v1/registry/{BenchLayout.Environment}/services/{service}/instances";

    public static string HealthyListPath(string service) => ListPath(service) + "?healthy=true";

    public static string InstancePath(string service, string instanceId) => $"{ListPath(service)}/{instanceId}";

    /// <summary>A seeded instance's registration: its own private address, and a TTL check that starts passing.</summary>
    public static string TtlRegistration(int i) =>
        $$$"""{"address": "10.{{{(i >> 16) & 255}}}.{{{(i >> 8) & 255}}}.{{{i & 255}}}", "port": 8080, "check": {"type": "ttl", "ttl": "{{{SeedTtl}}}"}}""";

    /// <summary>The death probe's registration: an HTTP check of <c>/health</c> on a loopback port of the probe's own.</summary>
    public static string DeathRegistration(int port) => $$$"""
        {"address": "127.0.0.1", "port": {{{port}}}, "check": {"type": "http", "path": "/health", "interval": "{{{DeathCheckInterval}}}",
         "timeout": "{{{DeathCheckTimeout}}}", "failures_before_critical": 1}}
        """;
}
