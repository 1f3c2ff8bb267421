using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// What a mount's handlers tell the journal, each call made while the mount's gate is held, right after
/// the change: so the journal's order is the order the changes were applied in. <see cref="None"/> (a
/// state in memory) journals nothing.
/// </summary>
internal sealed class MountJournal(string mount, StateJournal? journal)
{
    public static MountJournal None { get; } = new("", null);

    /// <summary>A KV v2 key changed: its metadata, and the versions the change created or changed.</summary>
    public void KeyChanged(string key, Kv2Key meta, params IEnumerable<ulong> versions) =>
        journal?.Append((mount, key, meta, versions), static (writer, change) =>
            Kv2KeyRecord.Write(writer, change.mount, change.key, change.meta, change.versions));

    public void KeyRemoved(string key) =>
        journal?.Append((mount, key), static (writer, change) => Kv2KeyRecord.WriteRemoval(writer, change.mount, change.key));

    public void ConfigChanged(Kv2Config config) =>
        journal?.Append((mount, config), static (writer, change) => MountRecords.WriteConfig(writer, change.mount, change.config));

    public void EntryWritten(string key, Kv1Entry entry) =>
        journal?.Append((mount, key, entry), static (writer, change) => Kv1EntryRecord.Write(writer, change.mount, change.key, change.entry));

    public void EntryRemoved(string key) =>
        journal?.Append((mount, key), static (writer, change) => Kv1EntryRecord.WriteRemoval(writer, change.mount, change.key));

    public void Cleared() =>
        journal?.Append(mount, static (writer, path) => MountRecords.WriteClear(writer, path));
}
