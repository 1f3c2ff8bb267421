namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Go's strconv.ParseInt / ParseBool including their error texts.</summary>
internal static class GoStrconv
{
    /// <summary>strconv.ParseInt(text, 0, 64): optional sign, 0x/0o/0b/0 prefixes, underscores between digits.</summary>
    public static bool TryParseIntBase0(string text, out long value, out string error) =>
        TryParseInt(text, autoBase: true, out value, out error);

    /// <summary>strconv.ParseInt(text, 10, 64), as json.Number.Int64 does.</summary>
    public static bool TryParseInt10(string text, out long value, out string error) =>
        TryParseInt(text, autoBase: false, out value, out error);

    public static bool TryParseBool(string text, out bool value, out string error)
    {
        error = "";
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                error = "strconv.ParseBool: parsing " + GoQuote.Quote(text) + ": invalid syntax";
                return false;
        }
    }

    private static bool TryParseInt(string text, bool autoBase, out long value, out string error)
    {
        value = 0;
        error = "";
        string body = text;
        bool negative = body.Length > 0 && body[0] == '-';
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            body = body[1..];
        }

        (int radix, string digits) = autoBase ? SplitBase(body) : (10, body);
        if (!TryAccumulate(digits, radix, autoBase, out ulong magnitude, out bool overflow))
        {
            error = "strconv.ParseInt: parsing " + GoQuote.Quote(text) + ": invalid syntax";
            return false;
        }

        ulong limit = negative ? 1UL << 63 : long.MaxValue;
        if (overflow || magnitude > limit)
        {
            error = "strconv.ParseInt: parsing " + GoQuote.Quote(text) + ": value out of range";
            return false;
        }

        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }

    private static (int Radix, string Digits) SplitBase(string body)
    {
        if (body.Length >= 2 && body[0] == '0')
        {
            switch (body[1])
            {
                case 'x' or 'X': return (16, body[2..]);
                case 'o' or 'O': return (8, body[2..]);
                case 'b' or 'B': return (2, body[2..]);
                default: return (8, body[1..]);
            }
        }

        return (10, body);
    }

    private static bool TryAccumulate(string digits, int radix, bool allowUnderscores, out ulong magnitude, out bool overflow)
    {
        magnitude = 0;
        overflow = false;
        string cleaned = allowUnderscores ? RemoveUnderscores(digits) : digits;
        if (cleaned.Length == 0)
        {
            return false;
        }

        foreach (char c in cleaned)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            overflow |= magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix;
            magnitude = unchecked((magnitude * (ulong)radix) + (ulong)digit);
        }

        return true;
    }

    private static string RemoveUnderscores(string digits)
    {
        if (digits.StartsWith('_') || digits.EndsWith('_') || digits.Contains("__", StringComparison.Ordinal))
        {
            return digits.Length == 0 ? digits : "!";
        }

        return digits.Replace("_", "", StringComparison.Ordinal);
    }
}
