using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> (connection pool) the adapter shares.</summary>
internal static class PostgresDataSourceFactory
{
    public const string ApplicationName = "configcluster";

    /// <summary>
    /// Connect and command timeouts follow <see cref="PostgresOptions.CommandTimeout"/> (whole seconds,
    /// rounded up), and a cancelled command waits at most one second for the server to confirm.
    /// </summary>
    public static NpgsqlDataSource Create(PostgresOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parsed = PostgresConnectionString.Parse(options.ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(parsed.ConnectionString);
        var seconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        builder.ConnectionStringBuilder.Timeout = seconds;
        builder.ConnectionStringBuilder.CommandTimeout = seconds;
        builder.ConnectionStringBuilder.CancellationTimeout = 1000;
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = ApplicationName;
        }

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }
}
