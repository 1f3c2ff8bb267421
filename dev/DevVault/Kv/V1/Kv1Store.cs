namespace ConfigCluster.DevVault.Kv.V1;

/// <summary>All data of one KV v1 mount.</summary>
internal sealed class Kv1Store
{
    public Lock Gate { get; } = new();

    public Dictionary<string, Kv1Entry> Entries { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (Gate)
        {
            Entries.Clear();
        }
    }
}
