using System.Globalization;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>KV v2 JSON fragments; keys of Go maps sorted, attribution objects in struct order.</summary>
internal static class Kv2Json
{
    private static readonly JsonEncodedText CreatedTime = VaultJson.Name("created_time");
    private static readonly JsonEncodedText CustomMetadata = VaultJson.Name("custom_metadata");
    private static readonly JsonEncodedText DeletionTime = VaultJson.Name("deletion_time");
    private static readonly JsonEncodedText Destroyed = VaultJson.Name("destroyed");
    private static readonly JsonEncodedText Version = VaultJson.Name("version");

    /// <summary>{created_time, custom_metadata, deletion_time, destroyed, version}: write/patch/read metadata.</summary>
    public static void WriteVersionMetadata(Utf8JsonWriter writer, Kv2VersionView view)
    {
        writer.WriteStartObject();
        writer.WriteString(CreatedTime, view.Version.CreatedTimeText);
        writer.WritePropertyName(CustomMetadata);
        WriteCustomMetadata(writer, view.Key);
        writer.WriteString(DeletionTime, view.Version.DeletionTimeText);
        writer.WriteBoolean(Destroyed, view.Version.Destroyed);
        writer.WriteNumber(Version, view.Number);
        writer.WriteEndObject();
    }

    public static void WriteCustomMetadata(Utf8JsonWriter writer, Kv2Key key)
    {
        if (key.CustomMetadata is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach ((string name, string value) in key.CustomMetadata)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>The metadata endpoint's data object.</summary>
    public static void WriteKeyMetadata(Utf8JsonWriter writer, Kv2Key key)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("cas_required", key.CasRequired);
        writer.WriteString("created_time", GoTime.FormatRfc3339Nano(key.CreatedTime));
        writer.WriteNumber("current_version", key.CurrentVersion);
        writer.WritePropertyName(CustomMetadata);
        WriteCustomMetadata(writer, key);
        writer.WriteString("delete_version_after", GoTime.FormatSeconds(key.DeleteVersionAfterSeconds));
        WriteAttribution(writer, "last_updated_by", key.LastUpdatedBy);
        writer.WriteNumber("max_versions", key.MaxVersions);
        writer.WriteNumber("oldest_version", key.OldestVersion);
        writer.WriteString("updated_time", GoTime.FormatRfc3339Nano(key.UpdatedTime));
        writer.WriteStartObject("versions");
        foreach (ulong number in key.Versions.Keys.OrderBy(n => n.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            writer.WritePropertyName(number.ToString(CultureInfo.InvariantCulture));
            WriteVersionEntry(writer, key.Versions[number]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteVersionEntry(Utf8JsonWriter writer, Kv2Version version)
    {
        writer.WriteStartObject();
        WriteAttribution(writer, "created_by", version.CreatedBy);
        writer.WriteString(CreatedTime, version.CreatedTimeText);
        WriteAttribution(writer, "deleted_by", version.DeletedBy);
        writer.WriteString(DeletionTime, version.DeletionTimeText);
        writer.WriteBoolean(Destroyed, version.Destroyed);
        writer.WriteEndObject();
    }

    private static void WriteAttribution(Utf8JsonWriter writer, string name, Kv2Attribution? attribution)
    {
        if (attribution is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("actor", attribution.Actor);
        writer.WriteString("operation", attribution.Operation);
        writer.WriteEndObject();
    }
}
