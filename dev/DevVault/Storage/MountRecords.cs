using System.Text.Json;
using ConfigCluster.DevVault.Kv.V2;
using ConfigCluster.DevVault.Mounts;
using N = ConfigCluster.DevVault.Storage.RecordNames;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Records about a whole mount: <c>mount</c> (its path, KV version, accessor and uuid; snapshots only),
/// <c>kv2.config</c> (the KV v2 mount's config) and <c>mount.clear</c> (every secret dropped, config reset).
/// </summary>
internal static class MountRecords
{
    public static void WriteMount(Utf8JsonWriter writer, MountEntry mount)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.MountEntry, mount.Path);
        writer.WriteNumber(N.KvVersion, mount.KvVersion);
        writer.WriteString(N.Accessor, mount.Accessor);
        writer.WriteString(N.Uuid, mount.Uuid);
        writer.WriteEndObject();
    }

    public static void ApplyMount(MountEntry mount, JsonElement record)
    {
        mount.Accessor = record.Get(N.Accessor).GetString()!;
        mount.Uuid = record.Get(N.Uuid).GetString()!;
    }

    /// <summary>The KV version a <c>mount</c> record says the stored mount had.</summary>
    public static int KvVersionOf(JsonElement record) => record.Get(N.KvVersion).GetInt32();

    public static void WriteConfig(Utf8JsonWriter writer, string mount, Kv2Config config)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Kv2Config, mount);
        writer.WriteNumber(N.MaxVersions, config.MaxVersions);
        writer.WriteBoolean(N.CasRequired, config.CasRequired);
        writer.WriteNumber(N.DeleteVersionAfter, config.DeleteVersionAfterSeconds);
        writer.WriteEndObject();
    }

    public static void ApplyConfig(Kv2Config config, JsonElement record)
    {
        config.MaxVersions = record.Get(N.MaxVersions).GetUInt32();
        config.CasRequired = record.Get(N.CasRequired).GetBoolean();
        config.DeleteVersionAfterSeconds = record.Get(N.DeleteVersionAfter).GetInt64();
    }

    public static void WriteClear(Utf8JsonWriter writer, string mount)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.MountClear, mount);
        writer.WriteEndObject();
    }
}
