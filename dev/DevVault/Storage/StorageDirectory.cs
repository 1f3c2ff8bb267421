namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// The storage directory: <c>snapshot.jsonl</c> (the state when the dev Vault last started),
/// <c>journal.jsonl</c> (every change since) and <c>lock</c>, held exclusively while a dev Vault uses it,
/// so that two never write the same files.
/// </summary>
internal sealed class StorageDirectory : IDisposable
{
    private readonly FileStream _lock;

    private StorageDirectory(string root, FileStream lockFile)
    {
        Root = root;
        _lock = lockFile;
    }

    public string Root { get; }

    public string SnapshotPath => Path.Combine(Root, "snapshot.jsonl");

    public string JournalPath => Path.Combine(Root, "journal.jsonl");

    /// <summary>Creates the directory if needed and takes its lock.</summary>
    public static StorageDirectory Lock(string path)
    {
        string root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
        try
        {
            return new StorageDirectory(root, new FileStream(Path.Combine(root, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another dev Vault uses the storage at {root}.", e);
        }
    }

    /// <summary>Writes <paramref name="path"/> whole or not at all: a temporary file, forced to disk, then renamed over it.</summary>
    public static void Replace(string path, Action<Stream> write)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose() => _lock.Dispose();
}
