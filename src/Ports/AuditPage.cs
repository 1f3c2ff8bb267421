namespace ConfigCluster.Ports;

/// <summary>A page of a config's audit trail, newest first; <see cref="Total"/> counts all its entries.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
