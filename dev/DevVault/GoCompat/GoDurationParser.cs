using System.Globalization;

namespace ConfigCluster.DevVault.GoCompat;

/// <summary>
/// Go's time.ParseDuration and go-secure-stdlib parseutil.ParseDurationSecond (plain integers are
/// seconds, a <c>d</c> suffix is days), with their error texts. Results are whole seconds, truncated.
/// </summary>
internal static class GoDurationParser
{
    private static readonly Dictionary<string, double> UnitNanos = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1e3,
        ["\u00b5s"] = 1e3,
        ["\u03bcs"] = 1e3,
        ["ms"] = 1e6,
        ["s"] = 1e9,
        ["m"] = 60e9,
        ["h"] = 3600e9,
    };

    public static bool TryParseSeconds(string text, out long seconds, out string error)
    {
        error = "";
        seconds = 0;
        if (text.Length == 0)
        {
            return true;
        }

        if (GoStrconv.TryParseInt10(text, out seconds, out _))
        {
            return true;
        }

        if (text.EndsWith('d'))
        {
            bool ok = GoStrconv.TryParseInt10(text[..^1], out long days, out error);
            seconds = ok ? days * 86400 : 0;
            return ok;
        }

        if (!TryParseGoDuration(text, out double nanos, out error))
        {
            return false;
        }

        seconds = (long)Math.Truncate(nanos / 1e9);
        return true;
    }

    private static bool TryParseGoDuration(string original, out double nanos, out string error)
    {
        nanos = 0;
        error = "time: invalid duration " + GoQuote.Quote(original);
        bool negative = original.StartsWith('-');
        string rest = original.Length > 0 && original[0] is '-' or '+' ? original[1..] : original;
        if (rest == "0")
        {
            return true;
        }

        bool any = rest.Length > 0;
        while (rest.Length > 0)
        {
            if (!TryReadComponent(original, ref rest, out double componentNanos, ref error))
            {
                return false;
            }

            nanos += componentNanos;
        }

        nanos = negative ? -nanos : nanos;
        return any && Math.Abs(nanos) <= long.MaxValue;
    }

    // One "<number><unit>" component, e.g. "1.5h"; the number needs a digit before or after the dot.
    private static bool TryReadComponent(string original, ref string rest, out double nanos, ref string error)
    {
        nanos = 0;
        int numberEnd = ScanNumber(rest, out bool hasDigits);
        if (!hasDigits)
        {
            return false;
        }

        int unitEnd = numberEnd;
        while (unitEnd < rest.Length && rest[unitEnd] != '.' && !char.IsAsciiDigit(rest[unitEnd]))
        {
            unitEnd++;
        }

        string number = rest[..numberEnd];
        string unit = rest[numberEnd..unitEnd];
        rest = rest[unitEnd..];
        return TryApplyUnit(original, number, unit, out nanos, ref error);
    }

    private static int ScanNumber(string text, out bool hasDigits)
    {
        int i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        hasDigits = i > 0;
        if (i < text.Length && text[i] == '.')
        {
            int fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            hasDigits |= i > fractionStart;
        }

        return i;
    }

    private static bool TryApplyUnit(string original, string number, string unit, out double nanos, ref string error)
    {
        nanos = 0;
        if (unit.Length == 0)
        {
            error = "time: missing unit in duration " + GoQuote.Quote(original);
            return false;
        }

        if (!UnitNanos.TryGetValue(unit, out double scale))
        {
            error = "time: unknown unit " + GoQuote.Quote(unit) + " in duration " + GoQuote.Quote(original);
            return false;
        }

        string normalized = number.EndsWith('.') ? number + "0" : number;
        normalized = normalized.StartsWith('.') ? "0" + normalized : normalized;
        nanos = double.Parse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
        return true;
    }
}
