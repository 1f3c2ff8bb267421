namespace ConfigCluster.Ports;

/// <summary>
/// The change an idempotency key produced within its retention: its fingerprint, the change and its state.
/// <see cref="Superseded"/>: a later delete of the same config was committed, so the version this change wrote
/// belongs to a config that no longer exists (a re-created config counts its versions from 1 again).
/// </summary>
public sealed record IdempotentChange(
    string Fingerprint,
    ChangeTicket Ticket,
    ChangeRecord Change,
    ChangeState State,
    bool Superseded);
