using System.Buffers;
using System.Text.Json;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Renders one record into a buffer of the calling thread, so that a record is complete (or not appended
/// at all) before it enters the journal, and the journal's own lock is held only to copy it.
/// </summary>
internal sealed class RecordScratch
{
    private const int KeptBytes = 1024 * 1024;

    [ThreadStatic]
    private static RecordScratch? _current;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    private RecordScratch() => _writer = new Utf8JsonWriter(_buffer, RecordNames.WriterOptions);

    /// <summary>The record with its newline; valid until this thread renders the next one.</summary>
    public static ReadOnlySpan<byte> Render<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        // A huge value (up to the request size limit) is not kept in every thread's buffer for ever.
        if (_current is null || _current._buffer.Capacity > KeptBytes)
        {
            _current = new RecordScratch();
        }

        RecordScratch scratch = _current;
        scratch._buffer.ResetWrittenCount();
        scratch._writer.Reset();
        write(scratch._writer, state);
        scratch._writer.Flush();
        scratch._buffer.Write("\n"u8);
        return scratch._buffer.WrittenSpan;
    }
}
