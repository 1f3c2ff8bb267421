using System.Text.Encodings.Web;

namespace ConfigCluster.DevVault.GoCompat;

/// <summary>
/// Escapes JSON strings exactly like Go's encoding/json with its default HTML escaping:
/// short escapes for quote, backslash, \b \f \n \r \t; lowercase \u00xx for other control characters;
/// \u003c \u003e \u0026 for &lt; &gt; &amp;; \u2028 and \u2029; everything else (including non-ASCII) verbatim.
/// </summary>
internal sealed class GoJsonEncoder : JavaScriptEncoder
{
    public static readonly GoJsonEncoder Instance = new();

    private GoJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        string encoded = Escape(unicodeScalar);
        if (encoded.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        for (int i = 0; i < encoded.Length; i++)
        {
            buffer[i] = encoded[i];
        }

        numberOfCharactersWritten = encoded.Length;
        return true;
    }

    private string Escape(int scalar) => scalar switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when WillEncode(scalar) => "\\u" + scalar.ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
        _ => char.ConvertFromUtf32(scalar),
    };
}
