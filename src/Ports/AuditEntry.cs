namespace ConfigCluster.Ports;

/// <summary>One committed change of a config, as the audit trail keeps it forever.</summary>
public sealed record AuditEntry(long Id, ChangeRecord Change);
