namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Orders strings by their UTF-8 bytes (= code points), the order Go's encoding/json uses for map keys.</summary>
internal sealed class Utf8KeyOrder : IComparer<string>
{
    public static readonly Utf8KeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                return CompareUnits(a, b);
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // A surrogate (part of a code point >= U+10000) sorts after every BMP character >= U+E000.
    private static int CompareUnits(char a, char b)
    {
        bool surrogateA = char.IsSurrogate(a);
        bool surrogateB = char.IsSurrogate(b);
        if (surrogateA != surrogateB && (surrogateA ? b : a) >= '\uE000')
        {
            return surrogateA ? 1 : -1;
        }

        return a.CompareTo(b);
    }
}
