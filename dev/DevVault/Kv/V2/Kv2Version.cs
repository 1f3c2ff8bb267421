using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>One version of a KV v2 key: its metadata and (unless destroyed) its canonical JSON data.</summary>
internal sealed class Kv2Version
{
    public Kv2Version(DateTimeOffset createdTime, byte[] data, Kv2Attribution createdBy)
    {
        CreatedTime = createdTime;
        CreatedTimeText = GoTime.FormatRfc3339Nano(createdTime);
        Data = data;
        CreatedBy = createdBy;
    }

    public DateTimeOffset CreatedTime { get; }

    /// <summary>Formatted once: the read hot path reuses it.</summary>
    public string CreatedTimeText { get; }

    public DateTimeOffset? DeletionTime { get; set; }

    public bool Destroyed { get; set; }

    /// <summary>Go-normalised JSON of the <c>data</c> map; null once destroyed.</summary>
    public byte[]? Data { get; set; }

    public Kv2Attribution CreatedBy { get; }

    public Kv2Attribution? DeletedBy { get; set; }

    /// <summary>Deleted means a deletion time strictly in the past (a future one is still readable).</summary>
    public bool IsDeleted(DateTimeOffset now) => DeletionTime is { } deletion && deletion < now;

    public string DeletionTimeText => DeletionTime is { } deletion ? GoTime.FormatRfc3339Nano(deletion) : "";
}
