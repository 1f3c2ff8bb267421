using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// The words of the storage format: each record is one JSON object on one line, its kind in <c>op</c>.
/// Names are encoded once; readers look them up by their UTF-8 bytes.
/// </summary>
internal static class RecordNames
{
    public const int Format = 1;

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Stored values keep the depth Vault accepts (500) plus the record's own few levels.
    public static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 1100 };

    public static readonly JsonEncodedText Op = Name("op");
    public static readonly JsonEncodedText Mount = Name("mount");
    public static readonly JsonEncodedText Key = Name("key");
    public static readonly JsonEncodedText Data = Name("data");

    public static readonly JsonEncodedText FormatVersion = Name("format");
    public static readonly JsonEncodedText Generation = Name("generation");
    public static readonly JsonEncodedText ClusterName = Name("cluster_name");
    public static readonly JsonEncodedText ClusterId = Name("cluster_id");
    public static readonly JsonEncodedText SystemAccessor = Name("system_accessor");
    public static readonly JsonEncodedText SystemUuid = Name("system_uuid");
    public static readonly JsonEncodedText KvVersion = Name("kv_version");
    public static readonly JsonEncodedText Accessor = Name("accessor");
    public static readonly JsonEncodedText Uuid = Name("uuid");

    public static readonly JsonEncodedText CreatedTime = Name("created_time");
    public static readonly JsonEncodedText UpdatedTime = Name("updated_time");
    public static readonly JsonEncodedText CurrentVersion = Name("current_version");
    public static readonly JsonEncodedText OldestVersion = Name("oldest_version");
    public static readonly JsonEncodedText MaxVersions = Name("max_versions");
    public static readonly JsonEncodedText CasRequired = Name("cas_required");
    public static readonly JsonEncodedText DeleteVersionAfter = Name("delete_version_after");
    public static readonly JsonEncodedText CustomMetadata = Name("custom_metadata");
    public static readonly JsonEncodedText LastUpdatedBy = Name("last_updated_by");
    public static readonly JsonEncodedText Versions = Name("versions");
    public static readonly JsonEncodedText Version = Name("version");
    public static readonly JsonEncodedText CreatedBy = Name("created_by");
    public static readonly JsonEncodedText DeletionTime = Name("deletion_time");
    public static readonly JsonEncodedText DeletedBy = Name("deleted_by");
    public static readonly JsonEncodedText Destroyed = Name("destroyed");
    public static readonly JsonEncodedText Actor = Name("actor");
    public static readonly JsonEncodedText Operation = Name("operation");
    public static readonly JsonEncodedText LeaseSeconds = Name("lease_seconds");

    /// <summary>The first record of the snapshot file and of the journal file.</summary>
    public const string SnapshotHeader = "snapshot";
    public const string JournalHeader = "journal";

    public const string Identity = "identity";
    public const string MountEntry = "mount";
    public const string MountClear = "mount.clear";
    public const string Kv2Config = "kv2.config";
    public const string Kv2Key = "kv2.key";
    public const string Kv2Remove = "kv2.remove";
    public const string Kv1Put = "kv1.put";
    public const string Kv1Remove = "kv1.remove";

    public static JsonElement Get(this JsonElement record, JsonEncodedText name) => record.GetProperty(name.EncodedUtf8Bytes);

    public static void WriteOp(Utf8JsonWriter writer, string op, string? mount = null)
    {
        writer.WriteString(Op, op);
        if (mount is not null)
        {
            writer.WriteString(Mount, mount);
        }
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, WriterOptions.Encoder);
}
