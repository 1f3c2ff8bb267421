using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Sys;

/// <summary>GET sys/mounts: the KV mounts and sys/, as a <see cref="MountListing"/>.</summary>
internal static class SysMountsHandler
{
    public static VaultResponse ReadAll(DevVaultState state)
    {
        List<MountListingEntry> entries = [.. state.Mounts.All.Select(mount =>
            new MountListingEntry(mount.Path, writer => MountInfoWriter.WriteKv(writer, mount, includePath: false)))];
        entries.Add(new MountListingEntry("sys/", writer => MountInfoWriter.WriteSystem(writer, state)));
        return MountListing.Respond(entries);
    }
}
