namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// Where the change log lives and how long to wait for it. Bound from the configuration section
/// <see cref="SectionName"/>; the connection string comes from <c>ConnectionStrings:Postgres</c>
/// (environment variable <c>ConnectionStrings__Postgres</c>), which wins over <c>Postgres:ConnectionString</c>.
/// </summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Postgres";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>
    /// A <c>postgresql://user:password@host:port/db</c> URI or an Npgsql keyword string
    /// (<c>Host=…;Username=…</c>); see <see cref="PostgresConnectionString"/>. Never logged or printed.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Budget for one change-log call (connecting included); past it the call answers
    /// <see cref="StoreOutcome.Unavailable"/>. Also the connect and command timeouts of the data source.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Applies the schema migrations when the host starts (before the silo joins).</summary>
    public bool ApplyMigrationsAtStart { get; set; } = true;

    /// <summary>How long the start-up migration retries an unreachable PostgreSQL before failing the start.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"PostgresOptions {{ ConnectionString = {PostgresConnectionString.Describe(ConnectionString)}, " +
        $"CommandTimeout = {CommandTimeout}, ApplyMigrationsAtStart = {ApplyMigrationsAtStart}, StartupTimeout = {StartupTimeout} }}";
}
