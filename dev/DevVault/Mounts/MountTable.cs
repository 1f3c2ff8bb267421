namespace ConfigCluster.DevVault.Mounts;

/// <summary>The KV mounts of a dev Vault, matched by longest prefix like Vault's router.</summary>
internal sealed class MountTable
{
    private static readonly string[] ReservedPrefixes = ["sys/", "auth/", "cubbyhole/", "identity/"];
    private readonly MountEntry[] _byLongestPath;

    public MountTable(IEnumerable<DevVaultMount> mounts)
    {
        var entries = new List<MountEntry>();
        foreach (DevVaultMount mount in mounts)
        {
            string path = Normalize(mount);
            if (entries.Exists(entry => entry.Path.StartsWith(path, StringComparison.Ordinal) || path.StartsWith(entry.Path, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"Mount '{mount.Path}' overlaps another mount.", nameof(mounts));
            }

            entries.Add(new MountEntry(path, mount.KvVersion));
        }

        _byLongestPath = [.. entries.OrderByDescending(entry => entry.Path.Length)];
        All = [.. entries.OrderBy(entry => entry.Path, StringComparer.Ordinal)];
    }

    /// <summary>Mounts sorted by path.</summary>
    public IReadOnlyList<MountEntry> All { get; }

    /// <summary>The mount containing <paramref name="path"/>; <c>secret</c> also matches <c>secret/</c>.</summary>
    public MountEntry? Match(string path)
    {
        foreach (MountEntry entry in _byLongestPath)
        {
            if (path.StartsWith(entry.Path, StringComparison.Ordinal) || path + "/" == entry.Path)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The mount whose path (with its trailing slash) is exactly <paramref name="path"/>.</summary>
    public MountEntry? Find(string path)
    {
        foreach (MountEntry entry in _byLongestPath)
        {
            if (entry.Path == path)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The part of <paramref name="path"/> below the mount (empty for the mount itself).</summary>
    public static string Relative(MountEntry mount, string path) =>
        path.Length >= mount.Path.Length ? path[mount.Path.Length..] : "";

    private static string Normalize(DevVaultMount mount)
    {
        string path = mount.Path.Trim('/');
        if (path.Length == 0 || mount.KvVersion is not (1 or 2))
        {
            throw new ArgumentException($"Invalid mount '{mount.Path}' (KV version {mount.KvVersion}).", nameof(mount));
        }

        path += "/";
        if (Array.Exists(ReservedPrefixes, reserved => path.StartsWith(reserved, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Mount path '{mount.Path}' is reserved.", nameof(mount));
        }

        return path;
    }
}
