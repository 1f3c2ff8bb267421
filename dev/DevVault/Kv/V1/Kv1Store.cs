using ConfigCluster.DevVault.Storage;

namespace ConfigCluster.DevVault.Kv.V1;

/// <summary>All data of one KV v1 mount; like <see cref="V2.Kv2Store"/>, changes are journaled under <see cref="Gate"/>.</summary>
internal sealed class Kv1Store
{
    public Lock Gate { get; } = new();

    public Dictionary<string, Kv1Entry> Entries { get; } = new(StringComparer.Ordinal);

    public MountJournal Journal { get; set; } = MountJournal.None;

    public void Clear()
    {
        lock (Gate)
        {
            Entries.Clear();
            Journal.Cleared();
        }
    }
}
