namespace ConfigCluster.Grains.Access;

/// <summary>How a silo follows the API key table (section <c>ApiKeys</c>).</summary>
public sealed class ApiKeyDirectoryOptions
{
    public const string SectionName = "ApiKeys";

    /// <summary>
    /// How often each silo reads the keys changed since its last look: a revoked key is refused everywhere within
    /// about this long (the silo that revokes it refuses it at once). Expiry needs no sync: it is checked on every request.
    /// </summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(2);
}
