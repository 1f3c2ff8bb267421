using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Reads what the flag API takes outside the body: the environment, the list filters and <c>If-Match</c>.</summary>
internal static class FlagQuery
{
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

    /// <summary>The version a write is conditional on (<see cref="EntityTags.IfMatch"/>).</summary>
    public static long? IfMatch(HttpRequest request, RequestErrors errors) => EntityTags.IfMatch(request, errors, "flag");
}
