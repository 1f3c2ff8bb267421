namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The query parameters of a request, read straight from its raw query string with the rules of
/// ASP.NET Core's own query parsing (<c>Request.Query</c>): <c>&amp;</c>-separated pairs, a name without
/// <c>=</c> has the empty value, <c>+</c> is a space, percent-escapes are decoded, and names compare
/// ignoring case. Unlike <c>Request.Query</c> it builds no dictionary: each look-up scans the string
/// (a few dozen characters) and allocates only the value it returns, or nothing for an unescaped span;
/// it keeps the request's query string, not a copy.
/// It is on the path of every read.
/// </summary>
internal readonly struct RawQuery(string? queryString)
{
    // The request's own string, read past its '?': cutting a copy would allocate on every read.
    private readonly string _source = queryString ?? "";
    private readonly int _start = queryString is ['?', ..] ? 1 : 0;

    private ReadOnlySpan<char> Query => _source.AsSpan(_start);

    public static RawQuery Of(HttpRequest request) => new(request.QueryString.Value);

    public bool Contains(string name) => Count(name, out _) > 0;

    /// <summary>How often <paramref name="name"/> is given, and its first value (null when it is not given).</summary>
    public int Count(string name, out string? first)
    {
        var count = Find(name, out var firstEncoded);
        first = count == 0 ? null : Decoded(firstEncoded).ToString();
        return count;
    }

    /// <summary>
    /// The one value of each of two names, as spans of the query string, found in one scan: true only when
    /// each name is given exactly once, <paramref name="absentName"/> is not given, and nothing in the query
    /// is escaped (no <c>%</c>, no <c>+</c>), so each value is its own decoding (else both are empty).
    /// Allocates nothing.
    /// </summary>
    public bool TryGetUnescaped(
        string firstName, string secondName, string absentName, out ReadOnlySpan<char> first, out ReadOnlySpan<char> second)
    {
        first = second = default;
        var query = Query;
        if (query.ContainsAny('%', '+'))
        {
            return false;
        }

        var (firstCount, secondCount, absentGiven) = (0, 0, false);
        foreach (var range in query.Split('&'))
        {
            var name = NameOf(query[range], out var value);
            if (name.Equals(firstName, StringComparison.OrdinalIgnoreCase))
            {
                firstCount++;
                first = value;
            }
            else if (name.Equals(secondName, StringComparison.OrdinalIgnoreCase))
            {
                secondCount++;
                second = value;
            }
            else if (name.Equals(absentName, StringComparison.OrdinalIgnoreCase))
            {
                absentGiven = true;
                break;
            }
        }

        if (absentGiven || firstCount != 1 || secondCount != 1)
        {
            first = second = default;
            return false;
        }

        return true;
    }

    /// <summary>How often <paramref name="name"/> is given, and its first value as written (empty when it is not given).</summary>
    private int Find(string name, out ReadOnlySpan<char> firstEncoded)
    {
        firstEncoded = default;
        var count = 0;
        var query = Query;
        foreach (var range in query.Split('&'))
        {
            if (Decoded(NameOf(query[range], out var value)).Equals(name, StringComparison.OrdinalIgnoreCase) && count++ == 0)
            {
                firstEncoded = value;
            }
        }

        return count;
    }

    /// <summary>The name of a <c>name=value</c> pair as written, and its value (empty when there is no <c>=</c>).</summary>
    private static ReadOnlySpan<char> NameOf(ReadOnlySpan<char> pair, out ReadOnlySpan<char> value)
    {
        var equals = pair.IndexOf('=');
        value = equals < 0 ? [] : pair[(equals + 1)..];
        return equals < 0 ? pair : pair[..equals];
    }

    /// <summary>A name or value as <c>Request.Query</c> decodes it: '+' is a space, then percent-escapes.</summary>
    private static ReadOnlySpan<char> Decoded(ReadOnlySpan<char> encoded) =>
        encoded.ContainsAny('+', '%') ? Uri.UnescapeDataString(encoded.ToString().Replace('+', ' ')) : encoded;
}
