using System.Globalization;
using StackExchange.Redis;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// Reads <see cref="RedisOptions.ConnectionString"/> in either accepted form: StackExchange.Redis's
/// <c>host:port[,option=value...]</c>, or a URL <c>redis://[user[:password]@]host[:port][/db]</c>
/// (<c>rediss://</c> turns TLS on). Problems never quote the string, which may hold a password.
/// </summary>
internal static class RedisConnectionString
{
    private const int DefaultPort = 6379;

    public static bool TryParse(string? connectionString, out ConfigurationOptions configuration, out string? problem)
    {
        configuration = new ConfigurationOptions();
        var text = connectionString?.Trim() ?? string.Empty;
        problem = text.Length == 0 ? "is empty"
            : IsUrl(text) ? TryParseUrl(text, configuration)
            : TryParseStackExchange(text, ref configuration);
        problem ??= configuration.EndPoints.Count == 0 ? "names no host" : null;
        return problem is null;
    }

    private static bool IsUrl(string text) => text.Contains("://", StringComparison.Ordinal);

    private static string? TryParseStackExchange(string text, ref ConfigurationOptions configuration)
    {
        try
        {
            configuration = ConfigurationOptions.Parse(text);
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"is not a valid StackExchange.Redis configuration ({exception.Message})";
        }
    }

    private static string? TryParseUrl(string text, ConfigurationOptions configuration)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("redis" or "rediss") || url.IdnHost.Length == 0)
        {
            return "is not a redis://host:port[/db] or rediss:// URL";
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return "has query options; use the StackExchange.Redis form host:port,option=value for those";
        }

        configuration.EndPoints.Add(url.IdnHost, url.IsDefaultPort || url.Port < 0 ? DefaultPort : url.Port);
        configuration.Ssl = url.Scheme == "rediss";
        ApplyUserInfo(url.UserInfo, configuration);
        return TryApplyDatabase(url.AbsolutePath, configuration);
    }

    private static void ApplyUserInfo(string userInfo, ConfigurationOptions configuration)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        configuration.User = user.Length == 0 ? null : user;
        configuration.Password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
    }

    private static string? TryApplyDatabase(string path, ConfigurationOptions configuration)
    {
        var database = path.Trim('/');
        if (database.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(database, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return "has a path that is not a database number (redis://host:port/db)";
        }

        configuration.DefaultDatabase = index;
        return null;
    }
}
