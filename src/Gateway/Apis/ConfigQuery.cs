namespace ConfigCluster.Gateway.Apis;

/// <summary>Reads the query parameters of the config API, each at most once, into validated values.</summary>
internal static class ConfigQuery
{
    public static string? Single(RawQuery query, string name, RequestErrors errors)
    {
        var count = query.Count(name, out var value);
        if (count > 1)
        {
            errors.Add(name, $"'{name}' must be given once.");
            return null;
        }

        return value;
    }

    /// <summary>The config a request for <paramref name="key"/> names with its environment and service_name parameters.</summary>
    public static ConfigAddress? Address(string key, RawQuery query, RequestErrors errors)
    {
        var environment = Single(query, "environment", errors);
        var serviceName = Single(query, "service_name", errors);
        errors.Add(ConfigName.Check("environment", environment));
        errors.Add(ConfigName.Check("service_name", serviceName));
        errors.Add(ConfigName.Check("key", key));
        return errors.Any ? null : new ConfigAddress(environment!, serviceName!, key);
    }

    public static long? Version(RawQuery query, RequestErrors errors) => Version(query, "version", errors);

    /// <summary>A version named by the query parameter <paramref name="name"/>: a positive integer, or null when absent.</summary>
    public static long? Version(RawQuery query, string name, RequestErrors errors)
    {
        var text = Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return version;
        }

        errors.Add(name, $"'{name}' must be a positive integer.");
        return null;
    }

    public static ConfigListQuery? List(RawQuery query, RequestErrors errors)
    {
        var environment = Single(query, "environment", errors);
        var serviceName = Single(query, "service_name", errors);
        errors.Add(ConfigName.Check("environment", environment));
        if (serviceName is not null)
        {
            errors.Add(ConfigName.Check("service_name", serviceName));
        }

        var (limit, offset) = Page(query, errors);
        return errors.Any ? null : new ConfigListQuery(environment!, serviceName, limit, offset);
    }

    /// <summary><c>limit</c> (1 to 1000, default 50) and <c>offset</c> (default 0) of a paged answer.</summary>
    public static (int Limit, int Offset) Page(RawQuery query, RequestErrors errors) =>
        (Integer(query, "limit", ConfigListQuery.DefaultLimit, 1, ConfigListQuery.MaxLimit, errors),
         Integer(query, "offset", 0, 0, int.MaxValue, errors));

    private static int Integer(RawQuery query, string name, int fallback, int min, int max, RequestErrors errors)
    {
        var text = Single(query, name, errors);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, $"'{name}' must be an integer from {min} to {max}.");
        return fallback;
    }
}
