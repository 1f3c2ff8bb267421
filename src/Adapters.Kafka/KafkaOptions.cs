namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Where change events go. Bound from the configuration section <see cref="SectionName"/>; the bootstrap servers
/// come from <c>ConnectionStrings:Kafka</c>, else <c>KAFKA_BOOTSTRAP_SERVERS</c>, else
/// <c>Kafka:BootstrapServers</c> (see <c>services.AddKafkaChangePublisher()</c>).
/// </summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>The name under <c>ConnectionStrings</c> whose value, when set, is <see cref="BootstrapServers"/>.</summary>
    public const string ConnectionStringName = "Kafka";

    /// <summary>The flat variable (as printed by ConfigCluster.DevKafka) that sets <see cref="BootstrapServers"/>.</summary>
    public const string BootstrapServersVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>Comma-separated <c>host:port</c> list.</summary>
    public string BootstrapServers { get; set; } = string.Empty;

    /// <summary>The topic of config change events.</summary>
    public string Topic { get; set; } = "config-events";

    /// <summary>The topic of API key events (created, revoked): who may do what, never a key.</summary>
    public string AccessTopic { get; set; } = "access-events";

    /// <summary>The topic of feature flag events (key <c>{environment}/{flag_key}</c>).</summary>
    public string FlagTopic { get; set; } = "flag-events";

    /// <summary>The topic of service registry events (key <c>{environment}/{service}</c>): registrations, status changes, removals.</summary>
    public string RegistryTopic { get; set; } = "registry-events";

    /// <summary>Kafka <c>client.id</c>, visible in broker logs and quotas.</summary>
    public string ClientId { get; set; } = "configcluster";

    /// <summary>How long the producer waits to fill a batch (<c>linger.ms</c>).</summary>
    public int LingerMs { get; set; } = 5;

    /// <summary>Budget of one status probe's metadata request.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Extra librdkafka producer properties (<c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>, ...). Cannot
    /// weaken delivery: idempotence, acks, in-flight limit and message timeout are fixed by the publisher.
    /// Values may be secrets and are never printed.
    /// </summary>
    public Dictionary<string, string> ProducerSettings { get; set; } = new(StringComparer.Ordinal);

    public override string ToString() =>
        $"KafkaOptions {{ BootstrapServers = {BootstrapServers}, Topic = {Topic}, AccessTopic = {AccessTopic}, FlagTopic = {FlagTopic}, RegistryTopic = {RegistryTopic}, ClientId = {ClientId}, LingerMs = {LingerMs}, " +
        $"ProbeTimeout = {ProbeTimeout}, ProducerSettings = [{string.Join(", ", ProducerSettings.Keys)}] }}";
}
