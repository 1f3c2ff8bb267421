using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Grains.Interfaces.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// PostgreSQL's line in the status: Up with the schema version when it answers within
/// <see cref="PostgresOptions.CommandTimeout"/>, Down with the reason otherwise (also when no migration ran).
/// </summary>
public sealed class PostgresProbe(NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresProbe> logger)
    : IDependencyProbe
{
    public const string Name = "postgresql";

    private const string UndefinedTable = "42P01";

    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);

    public async Task<DependencyStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        var answer = await _guard.RunAsync("probe", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(Sql.SchemaVersion, connection);
            try
            {
                return StoreResult<int>.Ok(Convert.ToInt32(await command.ExecuteScalarAsync(token), null));
            }
            catch (PostgresException ex) when (ex.SqlState == UndefinedTable)
            {
                return StoreResult<int>.Fail(StoreOutcome.NotFound, "no schema: the migrations have not run");
            }
        }, cancellationToken);
        return answer.IsOk
            ? new DependencyStatus(Name, DependencyState.Up, $"schema version {answer.Value}")
            : new DependencyStatus(Name, DependencyState.Down, answer.Detail);
    }
}
