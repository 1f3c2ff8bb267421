namespace ConfigCluster.Ports;

/// <summary>A committed change waiting to be published; <see cref="Id"/> is the publishing order.</summary>
public sealed record OutboxEvent(long Id, ChangeRecord Change);
