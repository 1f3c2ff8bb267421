namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// One benchmark run as bench/results/*.json holds it. <see cref="FlagLatency"/>: from a flag change's
/// acknowledgement until the other gateway evaluates it; <see cref="RegistryDeath"/>: from a registered instance's
/// death until queries of the registry show it critical.
/// </summary>
internal sealed record BenchResult(
    string Timestamp,
    string Commit,
    MachineInfo Machine,
    RunFlags Flags,
    IReadOnlyList<LoadRow> Load,
    LatencyResult? Latency,
    IReadOnlyList<TargetCheck> Targets,
    LatencyStats? FlagLatency = null,
    LatencyStats? RegistryDeath = null);

/// <summary>
/// How the run was asked for. <see cref="Prime"/>: the discarded run of its own requests before each read row;
/// <see cref="PacedRate"/>: the requests a second of the open-loop rows (none when null); <see cref="RegistryInstances"/>
/// in <see cref="RegistryServices"/>: the registry instances seeded (none when null).
/// </summary>
internal sealed record RunFlags(
    int Configs, int Services, string Duration, IReadOnlyList<int> Connections, int Rounds, int WrkThreads, int LatencyWrites,
    string? Prime, int? PacedRate, int? RegistryInstances = null, int? RegistryServices = null);

/// <summary>
/// A row at one connection count; the ratio is its throughput over its baseline's at the same count, the
/// CPU ratio its server's CPU per request over its baseline's (the server is the process that answers:
/// the gateway, bare Kestrel or the dev Vault). A row run in rounds reports the median of each figure over
/// its <see cref="Rounds"/> and the median of the per-round ratios (each round's run over its baseline's
/// run of that round); errors are summed.
/// </summary>
internal sealed record LoadRow(
    string Id,
    string Title,
    string What,
    int Connections,
    double RequestsPerSec,
    double P50Ms,
    double P99Ms,
    long Errors,
    double? CpuUsPerRequest,
    string? Baseline,
    double? Ratio,
    double? CpuRatio,
    IReadOnlyList<RoundResult>? Rounds);

/// <summary>A target of the benchmark, as measured in this run: reported, never asserted.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
