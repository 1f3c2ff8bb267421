namespace ConfigCluster.Ports;

/// <summary>
/// One change of one config, as audited (decision 12) and published (decision 11). Never the value.
/// <see cref="NewVersion"/> is 0 for a delete; <see cref="OldVersion"/> is 0 for a create.
/// <see cref="Idempotency"/>: the client's idempotency key, recorded with the change when the request had one.
/// <see cref="Entity"/>: what changed; for an entity other than a config, <see cref="Address"/> holds its id as
/// <c>Key</c> (environment <c>*</c>) and <see cref="Details"/> what its audit row and event say of it (JSON, no secret).
/// </summary>
public sealed record ChangeRecord(
    Guid EventId,
    ChangeAction Action,
    ConfigAddress Address,
    long OldVersion,
    long NewVersion,
    bool IsEncrypted,
    string Actor,
    string RequestId,
    DateTimeOffset At,
    IdempotencyKey? Idempotency = null,
    ChangeEntity Entity = ChangeEntity.Config,
    string? Details = null);
