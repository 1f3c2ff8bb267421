using System.Globalization;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Tolerant RFC 3339 parsing (vault-kv-contract §7.3): Go sends 0–9 fractional digits, .NET keeps 7, so extra
/// digits are truncated; any offset is accepted; <c>""</c> and <c>null</c> mean "not set".
/// </summary>
internal static class VaultTimestamp
{
    private const int MaxFractionDigits = 7;

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(
            TruncateFraction(text.Trim()), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static string TruncateFraction(string text)
    {
        var timeStart = text.IndexOfAny(['T', 't', ' ']);
        var dot = timeStart < 0 ? -1 : text.IndexOf('.', timeStart);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        return digits <= MaxFractionDigits ? text : string.Concat(text.AsSpan(0, dot + 1 + MaxFractionDigits), text.AsSpan(end));
    }
}
