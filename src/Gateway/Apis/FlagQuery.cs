using System.Globalization;
using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Reads what the flag API takes outside the body: the environment, the list filters and <c>If-Match</c>.</summary>
internal static class FlagQuery
{
    public const string IfMatchHeader = "If-Match";

    public static string? Environment(RawQuery query, RequestErrors errors)
    {
        var environment = ConfigQuery.Single(query, "environment", errors);
        errors.Add(ConfigName.Check("environment", environment));
        return environment;
    }

    /// <summary>The tag a list is filtered by, or null for every flag.</summary>
    public static string? Tag(RawQuery query, RequestErrors errors)
    {
        var tag = ConfigQuery.Single(query, "tag", errors);
        if (tag is not null)
        {
            errors.Add(ConfigName.Check("tag", tag));
        }

        return tag;
    }

    /// <summary>
    /// The version a write is conditional on: <c>If-Match</c> with one entity tag, the flag's version as sent in its
    /// <c>ETag</c> (<c>"3"</c>; a bare <c>3</c> is taken too). Null without the header or for <c>*</c> (the flag must
    /// exist, which every write but a create requires anyway). A weak tag never matches (RFC 9110): 412.
    /// </summary>
    public static long? IfMatch(HttpRequest request, RequestErrors errors)
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

        errors.Add(IfMatchHeader, $"'{IfMatchHeader}' must be one entity tag: the flag's version as its ETag gives it (\"3\"), or *.");
        return null;
    }

    /// <summary>The entity tag of a flag's version.</summary>
    public static string ETagOf(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
