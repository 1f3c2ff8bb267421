namespace ConfigCluster.Ports;

/// <summary>Publishes change events (Kafka). Never carries a value.</summary>
public interface IChangePublisher
{
    /// <summary>
    /// Publishes the events in order and completes once every one is acknowledged by the brokers; waits
    /// (does not fail) while the brokers are down. False only when cancelled or the producer failed.
    /// </summary>
    Task<bool> PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
