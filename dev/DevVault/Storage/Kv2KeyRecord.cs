using System.Runtime.InteropServices;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Kv.V2;
using N = ConfigCluster.DevVault.Storage.RecordNames;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// <c>kv2.key</c>: a KV v2 key's metadata as it is after a change, with the versions that change touched
/// (all of them in a snapshot), each whole; <c>data</c> is the stored JSON as is, absent once destroyed.
/// Replaying it sets the key to that image and drops the versions below <c>oldest_version</c>.
/// <c>kv2.remove</c>: the key is gone with all its versions (metadata delete).
/// </summary>
internal static class Kv2KeyRecord
{
    public static void Write(Utf8JsonWriter writer, string mount, string name, Kv2Key key, IEnumerable<ulong> versions)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Kv2Key, mount);
        writer.WriteString(N.Key, name);
        writer.WriteString(N.CreatedTime, key.CreatedTime);
        writer.WriteString(N.UpdatedTime, key.UpdatedTime);
        writer.WriteNumber(N.CurrentVersion, key.CurrentVersion);
        writer.WriteNumber(N.OldestVersion, key.OldestVersion);
        writer.WriteNumber(N.MaxVersions, key.MaxVersions);
        writer.WriteBoolean(N.CasRequired, key.CasRequired);
        writer.WriteNumber(N.DeleteVersionAfter, key.DeleteVersionAfterSeconds);
        WriteCustomMetadata(writer, key.CustomMetadata);
        WriteAttribution(writer, N.LastUpdatedBy, key.LastUpdatedBy);
        writer.WriteStartArray(N.Versions);
        foreach (ulong number in versions)
        {
            if (key.Versions.TryGetValue(number, out Kv2Version? version))
            {
                WriteVersion(writer, number, version);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteRemoval(Utf8JsonWriter writer, string mount, string name)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Kv2Remove, mount);
        writer.WriteString(N.Key, name);
        writer.WriteEndObject();
    }

    public static void Apply(Kv2Store store, JsonElement record)
    {
        string name = record.Get(N.Key).GetString()!;
        if (!store.Keys.TryGetValue(name, out Kv2Key? key))
        {
            key = new Kv2Key(record.Get(N.CreatedTime).GetDateTimeOffset());
            store.Keys[name] = key;
        }

        key.UpdatedTime = record.Get(N.UpdatedTime).GetDateTimeOffset();
        key.CurrentVersion = record.Get(N.CurrentVersion).GetUInt64();
        key.MaxVersions = record.Get(N.MaxVersions).GetUInt32();
        key.CasRequired = record.Get(N.CasRequired).GetBoolean();
        key.DeleteVersionAfterSeconds = record.Get(N.DeleteVersionAfter).GetInt64();
        key.CustomMetadata = ReadCustomMetadata(record.Get(N.CustomMetadata));
        key.LastUpdatedBy = ReadAttribution(record.Get(N.LastUpdatedBy));
        foreach (JsonElement version in record.Get(N.Versions).EnumerateArray())
        {
            key.Versions[version.Get(N.Version).GetUInt64()] = ReadVersion(version);
        }

        ulong oldest = record.Get(N.OldestVersion).GetUInt64();
        for (ulong number = key.OldestVersion; number < oldest; number++)
        {
            key.Versions.Remove(number);
        }

        key.OldestVersion = oldest;
    }

    public static void ApplyRemoval(Kv2Store store, JsonElement record) => store.Keys.Remove(record.Get(N.Key).GetString()!);

    private static void WriteVersion(Utf8JsonWriter writer, ulong number, Kv2Version version)
    {
        writer.WriteStartObject();
        writer.WriteNumber(N.Version, number);
        writer.WriteString(N.CreatedTime, version.CreatedTime);
        WriteAttribution(writer, N.CreatedBy, version.CreatedBy);
        if (version.DeletionTime is { } deletion)
        {
            writer.WriteString(N.DeletionTime, deletion);
        }
        else
        {
            writer.WriteNull(N.DeletionTime);
        }

        WriteAttribution(writer, N.DeletedBy, version.DeletedBy);
        writer.WriteBoolean(N.Destroyed, version.Destroyed);
        if (version.Data is { } data)
        {
            writer.WritePropertyName(N.Data);
            writer.WriteRawValue(data, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    private static Kv2Version ReadVersion(JsonElement record)
    {
        bool kept = record.TryGetProperty(N.Data.EncodedUtf8Bytes, out JsonElement data);
        var version = new Kv2Version(record.Get(N.CreatedTime).GetDateTimeOffset(), kept ? JsonMarshal.GetRawUtf8Value(data).ToArray() : [], ReadAttribution(record.Get(N.CreatedBy))!)
        {
            DeletionTime = record.Get(N.DeletionTime) is { ValueKind: JsonValueKind.String } deletion ? deletion.GetDateTimeOffset() : null,
            DeletedBy = ReadAttribution(record.Get(N.DeletedBy)),
            Destroyed = record.Get(N.Destroyed).GetBoolean(),
        };
        if (!kept)
        {
            version.Data = null;
        }

        return version;
    }

    private static void WriteCustomMetadata(Utf8JsonWriter writer, SortedDictionary<string, string>? custom)
    {
        if (custom is null)
        {
            writer.WriteNull(N.CustomMetadata);
            return;
        }

        writer.WriteStartObject(N.CustomMetadata);
        foreach ((string name, string value) in custom)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    private static SortedDictionary<string, string>? ReadCustomMetadata(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var custom = new SortedDictionary<string, string>(Utf8KeyOrder.Instance);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            custom[property.Name] = property.Value.GetString()!;
        }

        return custom;
    }

    private static void WriteAttribution(Utf8JsonWriter writer, JsonEncodedText name, Kv2Attribution? attribution)
    {
        if (attribution is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString(N.Actor, attribution.Actor);
        writer.WriteString(N.Operation, attribution.Operation);
        writer.WriteEndObject();
    }

    private static Kv2Attribution? ReadAttribution(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : new Kv2Attribution(element.Get(N.Actor).GetString()!, element.Get(N.Operation).GetString()!);
}
