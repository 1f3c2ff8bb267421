using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> (connection pool) the adapter shares.</summary>
internal static class PostgresDataSourceFactory
{
    public const string ApplicationName = "configcluster";

    /// <summary>Statements each connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 32;

    /// <summary>
    /// Connect and command timeouts follow <see cref="PostgresOptions.CommandTimeout"/> (whole seconds,
    /// rounded up), a timed-out command breaks its connection without waiting for the server, and frequent
    /// statements are prepared automatically.
    /// </summary>
    public static NpgsqlDataSource Create(PostgresOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parsed = PostgresConnectionString.Parse(options.ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(parsed.ConnectionString);
        var seconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        builder.ConnectionStringBuilder.Timeout = seconds;
        builder.ConnectionStringBuilder.CommandTimeout = seconds;
        // A statement past its timeout breaks its connection at once: asking a frozen server to cancel it would
        // first wait for that server to answer the cancel request.
        builder.ConnectionStringBuilder.CancellationTimeout = -1;
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The adapter runs a handful of statements over and over (intent, commit, outbox): prepared,
            // PostgreSQL skips parsing and planning them on every write.
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }

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
