namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Loads a stored state: the snapshot, then the journal of the same generation on top of it. A journal of
/// an older generation was already folded into the snapshot by a start that stopped before replacing the
/// journal, and is skipped. Returns the snapshot's generation (0 when there is none).
/// </summary>
internal static class StateLoader
{
    public static long Load(StorageDirectory directory, DevVaultState state)
    {
        long generation = 0;
        if (File.Exists(directory.SnapshotPath))
        {
            RecordFileReader.Read(directory.SnapshotPath, (record, line) =>
            {
                if (line == 1)
                {
                    generation = HeaderRecords.ReadGeneration(record, RecordNames.SnapshotHeader);
                }
                else
                {
                    RecordApplier.Apply(state, record);
                }
            });
        }

        if (File.Exists(directory.JournalPath))
        {
            ReplayJournal(directory.JournalPath, state, generation);
        }

        return generation;
    }

    private static void ReplayJournal(string path, DevVaultState state, long snapshotGeneration)
    {
        bool replay = false;
        RecordFileReader.Read(path, (record, line) =>
        {
            if (line > 1)
            {
                if (replay)
                {
                    RecordApplier.Apply(state, record);
                }

                return;
            }

            long generation = HeaderRecords.ReadGeneration(record, RecordNames.JournalHeader);
            if (generation > snapshotGeneration)
            {
                throw new InvalidDataException($"the journal is of generation {generation}, newer than the snapshot's {snapshotGeneration}");
            }

            replay = generation == snapshotGeneration;
        });
    }
}
