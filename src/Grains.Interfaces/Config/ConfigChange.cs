namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// A requested change: the new value and encryption flag (null keeps the current flag on update),
/// plus who asked and the request id, carried for audit and events (never the value).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigChange")]
public sealed record ConfigChange(
    [property: Id(0)] string Value,
    [property: Id(1)] bool? IsEncrypted,
    [property: Id(2)] ChangeContext Context)
{
    public override string ToString() => $"change (encrypted: {IsEncrypted}) by {Context}";
}
