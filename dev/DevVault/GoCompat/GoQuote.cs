using System.Globalization;
using System.Text;

namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Go's strconv.Quote (the %q verb) for messages that embed user input.</summary>
internal static class GoQuote
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (Rune rune in text.EnumerateRunes())
        {
            AppendRune(builder, rune);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Go's encoding/json quoteChar: a byte shown as a Go character literal, e.g. <c>'x'</c>.</summary>
    public static string QuoteByte(byte value)
    {
        if (value == '\'')
        {
            return "'\\''";
        }

        if (value == '"')
        {
            return "'\"'";
        }

        string quoted = Quote(((char)value).ToString());
        return "'" + quoted[1..^1] + "'";
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        int value = rune.Value;
        switch (value)
        {
            case '"': builder.Append("\\\""); return;
            case '\\': builder.Append("\\\\"); return;
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (GoUnicode.IsPrint(rune))
        {
            builder.Append(rune.ToString());
        }
        else if (value < ' ' || value == 0x7f)
        {
            builder.Append("\\x").Append(value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (value < 0x10000)
        {
            builder.Append("\\u").Append(value.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(value.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
