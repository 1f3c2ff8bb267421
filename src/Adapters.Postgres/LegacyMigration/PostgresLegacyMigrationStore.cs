using ConfigCluster.Adapters.Postgres.Internal;
using ConfigCluster.Ports.LegacyMigration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.LegacyMigration;

/// <summary><see cref="ILegacyMigrationStore"/> on table <c>legacy_migrations</c> of the audit database.</summary>
public sealed class PostgresLegacyMigrationStore(
    NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, ILogger<PostgresLegacyMigrationStore> logger) : ILegacyMigrationStore
{
    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);

    public Task<StoreResult<bool>> StartAsync(LegacyMigrationRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _guard.RunAsync("start legacy migration", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(LegacyMigrationSql.Start, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", run.Id));
            command.Parameters.Add(new NpgsqlParameter<string>("source", run.Source));
            command.Parameters.Add(new NpgsqlParameter<string>("actor", run.Actor));
            command.Parameters.Add(new NpgsqlParameter<bool>("dry_run", run.DryRun));
            command.Parameters.Add(new NpgsqlParameter<bool>("remove_migrated", run.RemoveMigrated));
            command.Parameters.Add(new NpgsqlParameter<string>("state", StateName(run.State)));
            command.Parameters.Add(new NpgsqlParameter<long>("total", run.Total));
            command.Parameters.Add(new NpgsqlParameter<long>("done", run.Done));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("started_at", run.StartedAt.ToUniversalTime()));
            await command.ExecuteNonQueryAsync(token);
            return StoreResult<bool>.Ok(true);
        }, cancellationToken);
    }

    public Task<StoreResult<bool>> ProgressAsync(Guid id, long done, DateTimeOffset at, CancellationToken cancellationToken) =>
        _guard.RunAsync("record legacy migration progress", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(LegacyMigrationSql.Progress, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
            command.Parameters.Add(new NpgsqlParameter<long>("done", done));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
            return StoreResult<bool>.Ok(await command.ExecuteNonQueryAsync(token) == 1);
        }, cancellationToken);

    public Task<StoreResult<bool>> FinishAsync(
        Guid id, LegacyMigrationState state, long done, string? reportJson, string? error, DateTimeOffset at, CancellationToken cancellationToken) =>
        _guard.RunAsync("finish legacy migration", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(LegacyMigrationSql.Finish, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
            command.Parameters.Add(new NpgsqlParameter<string>("state", StateName(state)));
            command.Parameters.Add(new NpgsqlParameter<long>("done", done));
            command.Parameters.Add(new NpgsqlParameter("report", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)reportJson ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("error", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
            return StoreResult<bool>.Ok(await command.ExecuteNonQueryAsync(token) == 1);
        }, cancellationToken);

    public Task<StoreResult<LegacyMigrationRecord>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        _guard.RunAsync("read legacy migration", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(LegacyMigrationSql.ById, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
            await using var reader = await command.ExecuteReaderAsync(token);
            if (!await reader.ReadAsync(token))
            {
                return StoreResult<LegacyMigrationRecord>.Fail(StoreOutcome.NotFound, "No such migration.");
            }

            return StoreResult<LegacyMigrationRecord>.Ok(new LegacyMigrationRecord(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4),
                StateOf(reader.GetString(5)), reader.GetInt64(6), reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }, cancellationToken);

    private static string StateName(LegacyMigrationState state) => state.ToString().ToLowerInvariant();

    private static LegacyMigrationState StateOf(string name) => Enum.Parse<LegacyMigrationState>(name, ignoreCase: true);
}
