namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// One config as Vault holds it: the value and its encryption flag are the secret's data,
/// the version and times come from Vault's metadata (decision 3).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigEntry")]
public sealed record ConfigEntry(
    [property: Id(0)] ConfigAddress Address,
    [property: Id(1)] string Value,
    [property: Id(2)] bool IsEncrypted,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    /// <summary>Never prints the value: records' generated ToString would.</summary>
    public override string ToString() => $"{Address} v{Version} (encrypted: {IsEncrypted})";
}
