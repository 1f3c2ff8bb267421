using System.Globalization;

namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Go's RFC3339Nano rendering of a UTC time: fractional seconds with trailing zeros trimmed, then <c>Z</c>.</summary>
internal static class GoTime
{
    public static string FormatRfc3339Nano(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        string seconds = utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        long fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            return seconds + "Z";
        }

        return seconds + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    /// <summary>Go's time.Duration.String() for a whole number of seconds: <c>0s</c>, <c>-1s</c>, <c>1h0m0s</c>, <c>3h25m19s</c>.</summary>
    public static string FormatSeconds(long totalSeconds)
    {
        if (totalSeconds == 0)
        {
            return "0s";
        }

        string sign = totalSeconds < 0 ? "-" : "";
        ulong magnitude = totalSeconds < 0 ? (ulong)(-(totalSeconds + 1)) + 1 : (ulong)totalSeconds;
        ulong hours = magnitude / 3600;
        ulong minutes = magnitude / 60 % 60;
        ulong seconds = magnitude % 60;
        if (hours > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h{minutes}m{seconds}s");
        }

        return minutes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}m{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds}s");
    }
}
