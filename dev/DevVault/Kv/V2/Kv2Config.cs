namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>A KV v2 mount's <c>{mount}/config</c>.</summary>
internal sealed class Kv2Config
{
    /// <summary>Stored delete_version_after when a negative value disabled it for all keys.</summary>
    public const long DeleteVersionAfterDisabled = -1;

    public uint MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    public long DeleteVersionAfterSeconds { get; set; }
}
