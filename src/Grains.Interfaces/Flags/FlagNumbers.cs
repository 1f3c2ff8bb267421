using System.Globalization;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>Numbers in flag definitions: rule operands in invariant culture, percentages and weights in 0.01 steps.</summary>
public static class FlagNumbers
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses an operand such as <c>42</c>, <c>-1.5</c> or <c>1e3</c>: no spaces, no thousands separators.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal number) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out number);

    public static bool HasAtMostTwoDecimals(decimal number) => decimal.Round(number, 2) == number;
}
