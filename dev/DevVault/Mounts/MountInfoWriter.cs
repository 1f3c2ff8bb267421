using System.Text.Json;
using ConfigCluster.DevVault.AuthMethods;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.Mounts;

/// <summary>Mount info objects as sys/mounts, sys/auth and sys/internal/ui/mounts report them (keys sorted).</summary>
internal static class MountInfoWriter
{
    public static void WriteKv(Utf8JsonWriter writer, MountEntry mount, bool includePath)
    {
        writer.WriteStartObject();
        writer.WriteString("accessor", mount.Accessor);
        WriteConfig(writer, passthroughAccept: false, tokenType: null);
        writer.WriteString("deprecation_status", "supported");
        writer.WriteString("description", mount.Description);
        writer.WriteBoolean("external_entropy_access", false);
        writer.WriteBoolean("local", false);
        writer.WriteStartObject("options");
        writer.WriteString("version", mount.KvVersion == 2 ? "2" : "1");
        writer.WriteEndObject();
        if (includePath)
        {
            writer.WriteString("path", mount.Path);
        }

        WritePluginAndTail(writer, VaultIdentity.KvPluginVersion, sealWrap: false, "kv", mount.Uuid);
    }

    public static void WriteSystem(Utf8JsonWriter writer, DevVaultState state)
    {
        writer.WriteStartObject();
        writer.WriteString("accessor", state.SystemAccessor);
        WriteConfig(writer, passthroughAccept: true, tokenType: null);
        writer.WriteString("description", "system endpoints used for control, policy and debugging");
        writer.WriteBoolean("external_entropy_access", false);
        writer.WriteBoolean("local", false);
        writer.WriteNull("options");
        WritePluginAndTail(writer, VaultIdentity.SystemPluginVersion, sealWrap: true, "system", state.SystemUuid);
    }

    /// <summary>An auth table entry; the token store is no plugin, so it has no deprecation status.</summary>
    public static void WriteAuth(Utf8JsonWriter writer, AuthMount mount)
    {
        writer.WriteStartObject();
        writer.WriteString("accessor", mount.Accessor);
        WriteConfig(writer, passthroughAccept: false, tokenType: "default-service");
        if (mount.Method is not null)
        {
            writer.WriteString("deprecation_status", "supported");
        }

        writer.WriteString("description", mount.Description);
        writer.WriteBoolean("external_entropy_access", false);
        writer.WriteBoolean("local", false);
        writer.WriteNull("options");
        string runningVersion = mount.Method?.RunningPluginVersion ?? VaultIdentity.SystemPluginVersion;
        WritePluginAndTail(writer, runningVersion, sealWrap: false, mount.Type, mount.Uuid);
    }

    private static void WriteConfig(Utf8JsonWriter writer, bool passthroughAccept, string? tokenType)
    {
        writer.WriteStartObject("config");
        writer.WriteNumber("default_lease_ttl", 0);
        writer.WriteBoolean("force_no_cache", false);
        writer.WriteNumber("max_lease_ttl", 0);
        if (passthroughAccept)
        {
            writer.WriteStartArray("passthrough_request_headers");
            writer.WriteStringValue("Accept");
            writer.WriteEndArray();
        }

        if (tokenType is not null)
        {
            writer.WriteString("token_type", tokenType);
        }

        writer.WriteEndObject();
    }

    private static void WritePluginAndTail(Utf8JsonWriter writer, string runningVersion, bool sealWrap, string type, string uuid)
    {
        writer.WriteString("plugin_version", "");
        writer.WriteString("running_plugin_version", runningVersion);
        writer.WriteString("running_sha256", "");
        writer.WriteBoolean("seal_wrap", sealWrap);
        writer.WriteString("type", type);
        writer.WriteString("uuid", uuid);
        writer.WriteEndObject();
    }
}
