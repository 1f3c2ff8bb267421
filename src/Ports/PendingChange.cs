namespace ConfigCluster.Ports;

/// <summary>An intent that was neither committed nor aborted in time (its writer crashed or lost the log).</summary>
public sealed record PendingChange(ChangeTicket Ticket, ChangeRecord Change, DateTimeOffset RecordedAt);
