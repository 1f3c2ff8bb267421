using System.Globalization;

namespace ConfigCluster.DevVault.GoCompat;

/// <summary>
/// Formats a float64 like Go's encoding/json: shortest round-trip digits, plain notation for
/// 1e-6 &lt;= |f| &lt; 1e21, otherwise exponent notation with Go's cleanup (<c>1e-7</c>, <c>1e+21</c>).
/// </summary>
internal static class GoFloatFormatter
{
    public static string Format(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        (string digits, int point) = ShortestDigits(Math.Abs(value));
        double magnitude = Math.Abs(value);
        string body = magnitude < 1e-6 || magnitude >= 1e21 ? Exponent(digits, point) : Plain(digits, point);
        return value < 0 ? "-" + body : body;
    }

    // Returns significant digits without leading/trailing zeros and the decimal point position
    // (value = 0.d1d2d3... * 10^point).
    private static (string Digits, int Point) ShortestDigits(double magnitude)
    {
        string text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        int exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        int exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = exponentAt < 0 ? text : text[..exponentAt];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        string significant = digits[leadingZeros..].TrimEnd('0');
        return (significant.Length == 0 ? "0" : significant, point - leadingZeros);
    }

    private static string Plain(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    private static string Exponent(string digits, int point)
    {
        int exponent = point - 1;
        string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        string exponentText = exponent < 0
            ? "-" + (-exponent).ToString(CultureInfo.InvariantCulture)
            : "+" + exponent.ToString("00", CultureInfo.InvariantCulture);
        return mantissa + "e" + exponentText;
    }
}
