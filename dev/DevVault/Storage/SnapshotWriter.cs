using System.Text.Json;
using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Writes the whole state as a snapshot: its header, the identity, then per mount its <c>mount</c> record,
/// its config and every secret with all its versions, in the same records a journal holds.
/// Runs before the state serves, so nothing changes under it.
/// </summary>
internal static class SnapshotWriter
{
    public static void Write(string path, DevVaultState state, long generation) =>
        StorageDirectory.Replace(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, RecordNames.WriterOptions);
            Record(writer, stream, (generation, state), static (w, s) => HeaderRecords.WriteHeader(w, RecordNames.SnapshotHeader, s.generation));
            Record(writer, stream, state.Identity, HeaderRecords.WriteIdentity);
            foreach (MountEntry mount in state.Mounts.All)
            {
                Record(writer, stream, mount, MountRecords.WriteMount);
                WriteData(writer, stream, mount);
            }
        });

    private static void WriteData(Utf8JsonWriter writer, Stream stream, MountEntry mount)
    {
        if (mount.V2 is { } v2)
        {
            Record(writer, stream, v2.Config, (w, config) => MountRecords.WriteConfig(w, mount.Path, config));
            foreach ((string name, Kv2Key key) in v2.Keys)
            {
                Record(writer, stream, key, (w, k) => Kv2KeyRecord.Write(w, mount.Path, name, k, k.Versions.Keys.Order()));
            }
        }

        if (mount.V1 is { } v1)
        {
            foreach ((string name, Kv1Entry entry) in v1.Entries)
            {
                Record(writer, stream, entry, (w, e) => Kv1EntryRecord.Write(w, mount.Path, name, e));
            }
        }
    }

    private static void Record<TState>(Utf8JsonWriter writer, Stream stream, TState state, Action<Utf8JsonWriter, TState> write)
    {
        writer.Reset();
        write(writer, state);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }
}
