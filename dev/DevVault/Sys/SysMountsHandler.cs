using System.Text.Json;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// GET sys/mounts: every mount in <c>data</c>, each also copied to the top level of the body before
/// the envelope fields (Vault's injectDataIntoTopRoutes); mount_type "system".
/// </summary>
internal static class SysMountsHandler
{
    public static VaultResponse ReadAll(DevVaultState state) =>
        VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.System), state, WriteMountsObject, WriteMountEntries);

    private static void WriteMountsObject(Utf8JsonWriter writer, DevVaultState state)
    {
        writer.WriteStartObject();
        WriteMountEntries(writer, state);
        writer.WriteEndObject();
    }

    private static void WriteMountEntries(Utf8JsonWriter writer, DevVaultState state)
    {
        var entries = state.Mounts.All
            .Select(mount => (mount.Path, Mount: (MountEntry?)mount))
            .Append(("sys/", null))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal);
        foreach ((string path, MountEntry? mount) in entries)
        {
            writer.WritePropertyName(path);
            if (mount is null)
            {
                MountInfoWriter.WriteSystem(writer, state);
            }
            else
            {
                MountInfoWriter.WriteKv(writer, mount, includePath: false);
            }
        }
    }
}
