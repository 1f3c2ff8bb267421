using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// A dev Vault's state kept in a directory. Opening it loads the snapshot and replays the journal, then
/// compacts: the loaded state becomes the next generation's snapshot and the journal starts again empty.
/// From then on every mount journals its changes, until <see cref="Dispose"/>.
/// </summary>
internal sealed class StateStorage : IDisposable
{
    private readonly StorageDirectory _directory;

    private StateStorage(StorageDirectory directory, StateJournal journal)
    {
        _directory = directory;
        Journal = journal;
    }

    public StateJournal Journal { get; }

    public static StateStorage Open(string path, DevVaultState state)
    {
        StorageDirectory directory = StorageDirectory.Lock(path);
        try
        {
            long generation = StateLoader.Load(directory, state) + 1;
            SnapshotWriter.Write(directory.SnapshotPath, state, generation);
            StorageDirectory.Replace(directory.JournalPath, stream => WriteJournalHeader(stream, generation));
            StateJournal journal = StateJournal.Open(directory.JournalPath);
            foreach (MountEntry mount in state.Mounts.All)
            {
                mount.Journal(journal);
            }

            return new StateStorage(directory, journal);
        }
        catch (InvalidDataException e)
        {
            directory.Dispose();
            throw new InvalidOperationException($"The dev Vault's storage at {directory.Root} cannot be loaded ({e.Message}); move it away to start empty.", e);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Journal.Dispose();
        }
        finally
        {
            _directory.Dispose();
        }
    }

    private static void WriteJournalHeader(Stream stream, long generation)
    {
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream, RecordNames.WriterOptions))
        {
            HeaderRecords.WriteHeader(writer, RecordNames.JournalHeader, generation);
        }

        stream.WriteByte((byte)'\n');
    }
}
