using System.Buffers;
using System.Text.Json;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// The append-only journal: one record (one line) per change, in the order the changes were applied.
/// <see cref="Append{TState}"/> queues a record in memory; <see cref="Flush"/>, which every request calls
/// before it answers, writes what is queued to the file. A written record is in the OS's hands, so a
/// kill -9 of the process loses nothing answered (a power cut may: there is no fsync per change).
/// Requests that answer at the same time share one write.
/// </summary>
internal sealed class StateJournal : IDisposable
{
    private const int KeptBytes = 4 * 1024 * 1024;

    private readonly Lock _appendGate = new();
    private readonly Lock _writeGate = new();
    private readonly FileStream _file;
    private ArrayBufferWriter<byte> _queued = new(64 * 1024);
    private ArrayBufferWriter<byte> _spare = new(64 * 1024);
    private long _appendedTo;
    private long _writtenTo;
    private Exception? _failure;
    private bool _disposed;

    private StateJournal(FileStream file)
    {
        _file = file;
        _appendedTo = _writtenTo = file.Length;
        file.Seek(0, SeekOrigin.End);
    }

    /// <summary>Opens the journal file <paramref name="path"/> to append to it.</summary>
    public static StateJournal Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0));

    public void Append<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ReadOnlySpan<byte> record = RecordScratch.Render(state, write);
        lock (_appendGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queued.Write(record);
            _appendedTo += record.Length;
        }
    }

    /// <summary>Writes every record appended so far; returns once they are in the file.</summary>
    public void Flush()
    {
        long target = Volatile.Read(ref _appendedTo);
        if (Volatile.Read(ref _writtenTo) >= target)
        {
            return;
        }

        lock (_writeGate)
        {
            WriteQueued(target);
        }
    }

    /// <summary>Writes what is queued, forces the file to disk, and closes it.</summary>
    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                if (_failure is null)
                {
                    WriteQueued(Volatile.Read(ref _appendedTo));
                    _file.Flush(flushToDisk: true);
                }
            }
            finally
            {
                lock (_appendGate)
                {
                    _disposed = true;
                }

                _file.Dispose();
            }
        }
    }

    // Called under _writeGate: one writer at a time, each taking along everything queued by then.
    private void WriteQueued(long target)
    {
        if (_writtenTo >= target)
        {
            return;
        }

        if (_failure is not null)
        {
            throw new IOException("The dev Vault's journal could not be written earlier; changes since are not kept.", _failure);
        }

        ArrayBufferWriter<byte> batch;
        long end;
        lock (_appendGate)
        {
            batch = _queued;
            _queued = _spare;
            end = _appendedTo;
        }

        try
        {
            _file.Write(batch.WrittenSpan);
            Volatile.Write(ref _writtenTo, end);
        }
        catch (IOException e)
        {
            _failure = e;
            throw;
        }
        finally
        {
            batch.ResetWrittenCount();
            _spare = batch.Capacity > KeptBytes ? new ArrayBufferWriter<byte>(64 * 1024) : batch;
        }
    }
}
