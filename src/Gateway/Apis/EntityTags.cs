using System.Globalization;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Entity tags of versioned resources (a config, a flag): the version as a strong tag (<c>"3"</c>), answered as
/// <c>ETag</c>; <c>If-None-Match</c> on reads (304 while unchanged) and <c>If-Match</c> on writes (412 when the resource
/// moved on), as RFC 9110 defines them.
/// </summary>
internal static class EntityTags
{
    public const string IfMatchHeader = "If-Match";

    /// <summary>The entity tag of a version.</summary>
    public static string Of(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// The version a write is conditional on: <c>If-Match</c> with one entity tag as <c>ETag</c> gives it (<c>"3"</c>; a bare
    /// <c>3</c> is taken too). Null without the header or for <c>*</c> (the resource must exist, which every write but a
    /// create requires anyway). A weak tag never matches (RFC 9110): 0, which no version has, so the write answers 412.
    /// </summary>
    public static long? IfMatch(HttpRequest request, RequestErrors errors, string subject)
    {
        var values = request.Headers[IfMatchHeader];
        if (values.Count == 0)
        {
            return null;
        }

        var text = values.Count == 1 ? (values[0] ?? "").Trim() : "";
        if (text == "*")
        {
            return null;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            return 0;
        }

        var unquoted = text is ['"', .. var inner, '"'] ? inner : text;
        if (long.TryParse(unquoted, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return version;
        }

        errors.Add(IfMatchHeader, $"'{IfMatchHeader}' must be one entity tag: the {subject}'s version as its ETag gives it (\"3\"), or *.");
        return null;
    }

    /// <summary>
    /// True when the request's <c>If-None-Match</c> names <paramref name="etag"/> (weakly compared, as RFC 9110 wants for
    /// it) or is <c>*</c> on a GET or HEAD: the client holds the current representation, so the read answers 304.
    /// </summary>
    public static bool NoneMatchHolds(HttpRequest request, string etag)
    {
        var values = request.Headers.IfNoneMatch;
        if (values.Count == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
