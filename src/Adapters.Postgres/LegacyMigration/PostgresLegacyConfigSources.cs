using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Adapters.Postgres.LegacyMigration;

/// <summary>Opens a legacy config table on PostgreSQL (a <c>postgresql://</c> URI or Npgsql keywords).</summary>
public sealed class PostgresLegacyConfigSources : ILegacyConfigSources
{
    private const int ConnectSeconds = 5;
    private const int CommandSeconds = 60;

    public ILegacyConfigSource? Open(string connectionString, LegacyTable table, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!PostgresConnectionString.TryParse(connectionString, out var builder, out problem))
        {
            return null;
        }

        builder!.Timeout = ConnectSeconds;
        builder.CommandTimeout = CommandSeconds;
        builder.CancellationTimeout = -1;
        builder.ApplicationName = "configcluster-legacy-migration";
        var description = $"{PostgresConnectionString.Describe(builder)} table {table.Table}";
        return new PostgresLegacyConfigSource(new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), table, description);
    }
}
