namespace ConfigCluster.Ports;

/// <summary>A recorded intent to change a config: its id orders the config's changes.</summary>
public readonly record struct ChangeTicket(long Id, Guid EventId);
