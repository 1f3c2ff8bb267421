using System.Text.Json;
using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;
using ConfigCluster.DevVault.Mounts;
using N = ConfigCluster.DevVault.Storage.RecordNames;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Replays one record of a snapshot or a journal into the state, before the state serves. The mounts are
/// those of the options: a record of a mount they do not configure, or configure with another KV version,
/// stops the start rather than dropping its data.
/// </summary>
internal static class RecordApplier
{
    public static void Apply(DevVaultState state, JsonElement record)
    {
        string op = record.Get(N.Op).GetString() ?? "";
        if (op == N.Identity)
        {
            state.Identity = HeaderRecords.ReadIdentity(record);
            return;
        }

        MountEntry mount = FindMount(state, record);
        switch (op)
        {
            case N.MountEntry when MountRecords.KvVersionOf(record) == mount.KvVersion:
                MountRecords.ApplyMount(mount, record);
                break;
            case N.MountEntry:
                throw new InvalidDataException($"mount '{mount.Path}' was stored as KV v{MountRecords.KvVersionOf(record)} but is configured as KV v{mount.KvVersion}");
            case N.MountClear:
                mount.Clear();
                break;
            case N.Kv2Config:
                MountRecords.ApplyConfig(V2(mount).Config, record);
                break;
            case N.Kv2Key:
                Kv2KeyRecord.Apply(V2(mount), record);
                break;
            case N.Kv2Remove:
                Kv2KeyRecord.ApplyRemoval(V2(mount), record);
                break;
            case N.Kv1Put:
                Kv1EntryRecord.Apply(V1(mount), record);
                break;
            case N.Kv1Remove:
                Kv1EntryRecord.ApplyRemoval(V1(mount), record);
                break;
            default:
                throw new InvalidDataException($"unknown record '{op}'");
        }
    }

    private static MountEntry FindMount(DevVaultState state, JsonElement record)
    {
        string path = record.Get(N.Mount).GetString() ?? "";
        return state.Mounts.Find(path)
            ?? throw new InvalidDataException($"the stored state has mount '{path}', which the options do not configure");
    }

    private static Kv2Store V2(MountEntry mount) =>
        mount.V2 ?? throw new InvalidDataException($"the stored state has KV v2 data in mount '{mount.Path}', which is configured as KV v1");

    private static Kv1Store V1(MountEntry mount) =>
        mount.V1 ?? throw new InvalidDataException($"the stored state has KV v1 data in mount '{mount.Path}', which is configured as KV v2");
}
