using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Kv;

/// <summary>
/// Storage-style listing: the immediate children of <c>prefix</c>, sub-folders with a trailing
/// <c>/</c>, sorted by UTF-8 bytes, each once.
/// </summary>
internal static class KvChildLister
{
    public static List<string> List(IEnumerable<string> keys, string prefix, Func<string, bool>? includeLeaf = null)
    {
        var children = new SortedSet<string>(Utf8KeyOrder.Instance);
        foreach (string key in keys)
        {
            if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            int slash = key.IndexOf('/', prefix.Length);
            if (slash >= 0)
            {
                children.Add(key[prefix.Length..(slash + 1)]);
            }
            else if (includeLeaf is null || includeLeaf(key))
            {
                children.Add(key[prefix.Length..]);
            }
        }

        return [.. children];
    }
}
