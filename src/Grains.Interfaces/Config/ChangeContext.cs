namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// Who made a change and under which request id, carried to audit rows and events; the client's
/// idempotency key, with which a retried write answers its first outcome instead of writing again; and the
/// version the client expects the config to be at (<c>If-Match</c>): when it moved on, nothing is written.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ChangeContext")]
public sealed record ChangeContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string? IdempotencyKey = null,
    [property: Id(3)] long? ExpectedVersion = null)
{
    public static ChangeContext Anonymous(string requestId) => new("anonymous", requestId);
}
