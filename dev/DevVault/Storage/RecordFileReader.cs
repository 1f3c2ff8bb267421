using System.Text.Json;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// Reads a file of records, one JSON object per line. Only the last line may be damaged: a process killed
/// in the middle of an append leaves it cut short or without its newline, and it is ignored (the change it
/// held was never answered). A damaged line anywhere else is an <see cref="InvalidDataException"/>.
/// </summary>
internal static class RecordFileReader
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Calls <paramref name="apply"/> with each complete record and its line number (from 1), in file order.</summary>
    public static void Read(string path, Action<JsonElement, long> apply)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[ChunkBytes];
        int start = 0;
        int end = 0;
        long line = 0;
        long damagedLine = 0;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                (start, end) = Compact(buffer, start, end);
                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    ThrowIfDamagedBefore(path, damagedLine, hasMore: end > 0);
                    return;
                }

                end += read;
                continue;
            }

            ThrowIfDamagedBefore(path, damagedLine, hasMore: true);
            line++;
            if (!TryApply(buffer.AsMemory(start, newline), apply, path, line))
            {
                damagedLine = line;
            }

            start += newline + 1;
        }
    }

    private static bool TryApply(ReadOnlyMemory<byte> text, Action<JsonElement, long> apply, string path, long line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, RecordNames.ReaderOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            try
            {
                apply(document.RootElement, line);
            }
            catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}, line {line}: {e.Message}", e);
            }
        }

        return true;
    }

    private static void ThrowIfDamagedBefore(string path, long damagedLine, bool hasMore)
    {
        if (damagedLine > 0 && hasMore)
        {
            throw new InvalidDataException($"{path}, line {damagedLine}: not a complete record, and more records follow it");
        }
    }

    private static (int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
        }

        return (0, end - start);
    }
}
