using System.Text;

namespace ConfigCluster.BenchTools.Paced;

/// <summary>
/// Where an HTTP/1.1 response with a Content-Length ends, from the bytes read so far: enough for the
/// paced client, which sends one request at a time per connection and reads only the answers of the
/// service and of bare Kestrel (never chunked on the rows it drives).
/// </summary>
internal static class HttpResponseFraming
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    /// <summary>
    /// False while the header is incomplete. Then <paramref name="length"/> is the whole response's length and
    /// <paramref name="status"/> its status code; a header without a Content-Length gives length -1.
    /// </summary>
    public static bool TryMeasure(ReadOnlySpan<byte> received, out int length, out int status)
    {
        length = -1;
        status = 0;
        var headerEnd = received.IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            return false;
        }

        var header = received[..(headerEnd + 2)];
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        var space = header.IndexOf((byte)' ');
        if (space < 0 || space + 4 > header.Length || !int.TryParse(header.Slice(space + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out status))
        {
            return true;
        }

        var at = IndexOfIgnoringCase(header, ContentLength);
        if (at < 0)
        {
            return true;
        }

        var value = header[(at + ContentLength.Length)..];
        value = value[..value.IndexOf("\r\n"u8)].Trim((byte)' ');
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bodyLength))
        {
            length = headerEnd + HeaderEnd.Length + bodyLength;
        }

        return true;
    }

    private static int IndexOfIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCaseName)
    {
        for (var at = text.IndexOf("\r\n"u8); at >= 0 && at + lowerCaseName.Length <= text.Length;)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(at, lowerCaseName.Length), lowerCaseName))
            {
                return at;
            }

            var next = text[(at + 2)..].IndexOf("\r\n"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return -1;
    }
}
