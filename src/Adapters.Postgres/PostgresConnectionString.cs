using System.Globalization;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// Reads the two spellings of a PostgreSQL connection string: the libpq URI the scripts print
/// (<c>postgresql://user:password@host:port/db?sslmode=require</c>, also <c>postgres://</c>) and
/// Npgsql's keyword form (<c>Host=…;Port=…;Username=…;Password=…;Database=…</c>).
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>The Npgsql builder for <paramref name="value"/>; throws <see cref="FormatException"/> when it is neither form.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string value) =>
        TryParse(value, out var builder, out var problem) ? builder! : throw new FormatException(problem);

    /// <summary>True and the builder when <paramref name="value"/> names a host; else false and a problem without the value.</summary>
    public static bool TryParse(string? value, out NpgsqlConnectionStringBuilder? builder, out string? problem)
    {
        builder = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "the connection string is not set.";
            return false;
        }

        try
        {
            builder = IsUri(value) ? FromUri(value.Trim()) : new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or KeyNotFoundException)
        {
            problem = IsUri(value) ? "not a valid postgresql:// URI." : "not a valid Npgsql connection string.";
            return false;
        }

        problem = string.IsNullOrWhiteSpace(builder.Host) ? "the connection string names no host." : null;
        return problem is null;
    }

    /// <summary>
    /// The Npgsql keyword form (<c>Host=…;Port=…;Username=…;Password=…;Database=…</c>) of a URI or keyword
    /// string; throws <see cref="FormatException"/> when it is neither. Orleans' ADO.NET clustering (invariant
    /// <c>"Npgsql"</c>) takes only this form. It shares the change log's database: migration
    /// <c>0002_orleans_clustering</c>, applied by <see cref="MigrationRunner"/> with the others, creates its
    /// tables and its query texts (<c>orleansquery</c>) beside <c>config_changes</c>, so pass the same
    /// <c>ConnectionStrings:Postgres</c> to <c>UseAdoNetClustering</c>, with the same search path as the migrations.
    /// </summary>
    public static string ToNpgsqlKeywords(string value) => Parse(value).ConnectionString;

    /// <summary><c>host:port/database as user</c>: safe to log (no password).</summary>
    public static string Describe(string? value) =>
        TryParse(value, out var builder, out _) ? Describe(builder!) : "(not set or not valid)";

    /// <summary><c>host:port/database as user</c>: safe to log (no password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? "(default)"} as {builder.Username ?? "(default)"}";
    }

    private static bool IsUri(string value) =>
        value.TrimStart().StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || value.TrimStart().StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        var uri = new Uri(value, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.DnsSafeHost };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        ApplyUserInfo(builder, uri.UserInfo);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        ApplyQuery(builder, uri.Query);
        return builder;
    }

    private static void ApplyUserInfo(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
    }

    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            switch (name)
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(setting.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "application_name":
                    builder.ApplicationName = setting;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(setting, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    builder[name] = setting;
                    break;
            }
        }
    }
}
