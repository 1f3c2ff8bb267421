using ConfigCluster.DevVault.Storage;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// All data of one KV v2 mount. Every access holds <see cref="Gate"/>, which makes CAS atomic; every
/// change is journaled while the gate is still held, so the journal's order is the order of the changes.
/// </summary>
internal sealed class Kv2Store
{
    public Lock Gate { get; } = new();

    public Kv2Config Config { get; private set; } = new();

    public Dictionary<string, Kv2Key> Keys { get; } = new(StringComparer.Ordinal);

    public MountJournal Journal { get; set; } = MountJournal.None;

    public void Clear()
    {
        lock (Gate)
        {
            Keys.Clear();
            Config = new Kv2Config();
            Journal.Cleared();
        }
    }
}
