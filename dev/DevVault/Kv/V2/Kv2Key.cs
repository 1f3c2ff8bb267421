namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>KV v2 key metadata (KeyMetadata in the plugin) and its versions.</summary>
internal sealed class Kv2Key
{
    public Kv2Key(DateTimeOffset createdTime)
    {
        CreatedTime = createdTime;
        UpdatedTime = createdTime;
    }

    public DateTimeOffset CreatedTime { get; }

    public DateTimeOffset UpdatedTime { get; set; }

    public ulong CurrentVersion { get; set; }

    public ulong OldestVersion { get; set; }

    public uint MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    public long DeleteVersionAfterSeconds { get; set; }

    /// <summary>Null when empty (protobuf storage turns an empty map into nil).</summary>
    public SortedDictionary<string, string>? CustomMetadata { get; set; }

    public Kv2Attribution? LastUpdatedBy { get; set; }

    public Dictionary<ulong, Kv2Version> Versions { get; } = [];

    public Kv2Version? Current => Versions.GetValueOrDefault(CurrentVersion);
}
