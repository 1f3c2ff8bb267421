using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>What one run of a check found: a status and a short output (no response body, no value).</summary>
public sealed record CheckResult(InstanceStatus Status, string Output);
