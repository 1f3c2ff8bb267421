using System.Globalization;
using System.Text;

namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// Durations as Consul writes them: whole numbers with a unit, <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>, one or
/// more in a row, largest first (<c>500ms</c>, <c>10s</c>, <c>1m30s</c>). Written back the same way.
/// </summary>
public static class RegistryDuration
{
    /// <summary>Longer than any duration the registry accepts; keeps the sum far from overflow.</summary>
    private static readonly TimeSpan Ceiling = TimeSpan.FromDays(365);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var rest = text.AsSpan();
        var lastUnit = long.MaxValue;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 9 || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[digits..];
            var (unit, length) = rest switch
            {
                _ when rest.StartsWith("ms") => (TimeSpan.TicksPerMillisecond, 2),
                _ when rest.StartsWith("s") => (TimeSpan.TicksPerSecond, 1),
                _ when rest.StartsWith("m") => (TimeSpan.TicksPerMinute, 1),
                _ when rest.StartsWith("h") => (TimeSpan.TicksPerHour, 1),
                _ => (0L, 0),
            };
            if (unit == 0 || unit >= lastUnit)
            {
                return false;
            }

            lastUnit = unit;
            rest = rest[length..];
            duration += TimeSpan.FromTicks(number * unit);
            if (duration > Ceiling)
            {
                return false;
            }
        }

        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, (long)duration.TotalHours, "h");
        Append(text, duration.Minutes, "m");
        Append(text, duration.Seconds, "s");
        Append(text, duration.Milliseconds, "ms");
        return text.ToString();
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
