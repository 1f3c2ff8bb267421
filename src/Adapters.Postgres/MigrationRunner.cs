using System.Diagnostics;
using ConfigCluster.Adapters.Postgres.Internal;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// Applies the embedded schema migrations (<c>Migrations/NNNN_name.sql</c>) in version order, each in its
/// own transaction together with its row in <c>schema_migrations</c>. Every transaction first takes
/// <c>pg_advisory_xact_lock</c> on a fixed key and re-reads what is applied, so silos starting at once
/// apply each migration exactly once; the lock ends with the transaction, even when the connection drops.
/// Run at start by the hosted service (<see cref="PostgresOptions.ApplyMigrationsAtStart"/>) or by a command.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>The versions this build knows, in order.</summary>
    public IReadOnlyList<int> KnownVersions { get; } = [.. MigrationCatalog.All.Select(m => m.Version)];

    /// <summary>Applies what is missing and returns how many migrations this call applied. Throws when PostgreSQL fails.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = await InLockedTransactionAsync(connection, async token =>
        {
            await ExecuteAsync(connection, Sql.CreateMigrationsTable, token);
            return await ReadAppliedAsync(connection, token);
        }, cancellationToken);
        WarnAboutUnknown(applied);
        var count = 0;
        foreach (var migration in MigrationCatalog.All.Where(m => !applied.Contains(m.Version)))
        {
            count += await ApplyOneAsync(connection, migration, cancellationToken) ? 1 : 0;
        }

        logger.MigrationsDone(KnownVersions.Count == 0 ? 0 : KnownVersions[^1], count);
        return count;
    }

    private async Task<bool> ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken) =>
        await InLockedTransactionAsync(connection, async token =>
        {
            if ((await ReadAppliedAsync(connection, token)).Contains(migration.Version))
            {
                return false;
            }

            var started = Stopwatch.GetTimestamp();
            await ExecuteAsync(connection, migration.Sql, token);
            await using var record = new NpgsqlCommand(Sql.RecordMigration, connection);
            record.Parameters.Add(new NpgsqlParameter<int>("version", migration.Version));
            record.Parameters.Add(new NpgsqlParameter<string>("name", migration.Name));
            await record.ExecuteNonQueryAsync(token);
            logger.MigrationApplied(migration.Version, migration.Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }, cancellationToken);

    private static async Task<T> InLockedTransactionAsync<T>(
        NpgsqlConnection connection, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // No command timeout: a silo waits for another one's migration, however long it runs.
        await using (var command = new NpgsqlCommand(Sql.LockMigrations, connection) { CommandTimeout = 0 })
        {
            command.Parameters.Add(new NpgsqlParameter<long>("key", Sql.MigrationLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql.AppliedVersions, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        HashSet<int> versions = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void WarnAboutUnknown(HashSet<int> applied)
    {
        var unknown = applied.Except(KnownVersions).Order().ToList();
        if (unknown.Count > 0)
        {
            logger.UnknownMigrations(string.Join(", ", unknown));
        }
    }
}
