using System.Text;
using ConfigCluster.DevVault.GoCompat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// vault-kv-contract §3.12 path handling, in Vault's order: percent-decode the raw target (Kestrel's own
/// normalisation is bypassed), reject non-printable runes, redirect uncleaned paths like Go's ServeMux.
/// </summary>
internal static class VaultPathRules
{
    /// <summary>Decodes the request path from the raw request target; false when it is not decodable.</summary>
    public static bool TryDecode(HttpContext context, out string path, out string rawQuery)
    {
        string? target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            path = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
            rawQuery = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
            return true;
        }

        int question = target.IndexOf('?', StringComparison.Ordinal);
        rawQuery = question < 0 ? "" : target[(question + 1)..];
        return TryPercentDecode(question < 0 ? target : target[..question], out path);
    }

    public static bool IsPrintable(string path) => GoUnicode.IsPrintable(path);

    /// <summary>Go's net/http cleanPath: path.Clean keeping one trailing slash.</summary>
    public static string CleanPath(string path)
    {
        if (IsAlreadyClean(path))
        {
            return path;
        }

        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        string cleaned = "/" + string.Join('/', segments);
        return path.EndsWith('/') && cleaned != "/" ? cleaned + "/" : cleaned;
    }

    private static bool IsAlreadyClean(string path) =>
        path.StartsWith('/')
        && !path.Contains("//", StringComparison.Ordinal)
        && !path.Contains("/./", StringComparison.Ordinal)
        && !path.Contains("/../", StringComparison.Ordinal)
        && !path.EndsWith("/.", StringComparison.Ordinal)
        && !path.EndsWith("/..", StringComparison.Ordinal);

    /// <summary>Go's 301 redirect to the cleaned path (same query); GET gets Go's small HTML body.</summary>
    public static VaultResponse Redirect(HttpContext context, string cleanedPath, string rawQuery)
    {
        string location = EscapePath(cleanedPath) + (rawQuery.Length > 0 ? "?" + rawQuery : "");
        bool isGet = HttpMethods.IsGet(context.Request.Method);
        bool isGetOrHead = isGet || HttpMethods.IsHead(context.Request.Method);
        string body = isGet ? $"<a href=\"{HtmlEscape(location)}\">Moved Permanently</a>.\n\n" : "";
        return new VaultResponse(301, Encoding.UTF8.GetBytes(body), isGetOrHead ? "text/html; charset=utf-8" : null)
        {
            Location = location,
        };
    }

    private static bool TryPercentDecode(string raw, out string decoded)
    {
        decoded = raw;
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = new List<byte>(raw.Length);
        byte[] source = Encoding.UTF8.GetBytes(raw);
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] != '%')
            {
                bytes.Add(source[i]);
                continue;
            }

            if (i + 2 >= source.Length || !char.IsAsciiHexDigit((char)source[i + 1]) || !char.IsAsciiHexDigit((char)source[i + 2]))
            {
                return false;
            }

            bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(source, i + 1, 2), 16));
            i += 2;
        }

        decoded = Encoding.UTF8.GetString([.. bytes]);
        return true;
    }

    // Go url.URL.EscapedPath: unreserved characters and $&+,/:;=@ stay, everything else is %XX.
    private static string EscapePath(string path)
    {
        var escaped = new StringBuilder(path.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(path))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                or (byte)'$' or (byte)'&' or (byte)'+' or (byte)',' or (byte)'/' or (byte)':' or (byte)';' or (byte)'=' or (byte)'@')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static string HtmlEscape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
