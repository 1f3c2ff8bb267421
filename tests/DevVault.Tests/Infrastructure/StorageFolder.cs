namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>A fresh temporary directory for a dev Vault's storage; deleted on dispose.</summary>
internal sealed class StorageFolder : IDisposable
{
    public StorageFolder() => Path = Directory.CreateTempSubdirectory("configcluster-devvault-").FullName;

    public string Path { get; }

    public string JournalPath => System.IO.Path.Combine(Path, "journal.jsonl");

    public string SnapshotPath => System.IO.Path.Combine(Path, "snapshot.jsonl");

    public string[] JournalLines => File.ReadAllLines(JournalPath);

    /// <summary>Options for a server on a free port that keeps its state here.</summary>
    public DevVaultOptions Options(Action<DevVaultOptions>? configure = null)
    {
        var options = new DevVaultOptions { Port = 0, RootToken = RunningVault.RootToken, StoragePath = Path };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A server on this storage, with a client; disposing both stops it and writes out its journal.</summary>
    public async Task<RunningVault> StartAsync(Action<DevVaultOptions>? configure = null) =>
        RunningVault.Of(await DevVaultServer.StartAsync(Options(configure)));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
