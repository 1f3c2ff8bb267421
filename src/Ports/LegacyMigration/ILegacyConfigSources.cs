namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>Opens legacy config tables on connection strings given at run time (PostgreSQL).</summary>
public interface ILegacyConfigSources
{
    /// <summary>The source, or null and why the connection string cannot be used (never the string itself).</summary>
    ILegacyConfigSource? Open(string connectionString, LegacyTable table, out string? problem);
}
