namespace ConfigCluster.Hosting.Health;

/// <summary>
/// The tags that decide which endpoint runs a health check. An operator's own <c>IHealthCheck</c> joins
/// <c>/health/ready</c> or <c>/health/live</c> by carrying <see cref="Ready"/> or <see cref="Live"/>.
/// </summary>
public static class HealthTags
{
    /// <summary>Checked by <c>/health/live</c>: the process itself, never a dependency.</summary>
    public const string Live = "live";

    /// <summary>Checked by <c>/health/ready</c>: whether this silo should get traffic.</summary>
    public const string Ready = "ready";

    /// <summary>A shared dependency's state (PostgreSQL, Redis, Kafka, Vault), for the health report.</summary>
    public const string Dependency = "dependency";
}
