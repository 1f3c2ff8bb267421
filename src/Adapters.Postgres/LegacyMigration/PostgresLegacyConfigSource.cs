using System.Runtime.CompilerServices;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Adapters.Postgres.LegacyMigration;

/// <summary>
/// One legacy table on its own connection pool. Names are validated identifiers (<see cref="LegacyTable"/>) and
/// quoted; every column is read as text (<c>is_encrypted</c> as boolean, null as false) so that legacy types such as
/// <c>varchar</c> or <c>int</c> flags are read too.
/// </summary>
internal sealed class PostgresLegacyConfigSource(NpgsqlDataSource dataSource, LegacyTable table, string description) : ILegacyConfigSource
{
    private readonly string _from = Quote(table.Table);

    public string Description => description;

    public async Task<StoreResult<long>> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Selecting every column once (no rows) proves they exist before the run starts.
            await using (var probe = new NpgsqlCommand($"{SelectRows} LIMIT 0", connection))
            {
                await probe.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {_from}", connection);
            return StoreResult<long>.Ok((long)(await count.ExecuteScalarAsync(cancellationToken))!);
        }
        catch (Exception ex) when (LegacySourceFailure.IsSourceFailure(ex, cancellationToken))
        {
            return StoreResult<long>.Fail(StoreOutcome.Unavailable, LegacySourceFailure.Describe(ex));
        }
    }

    public async IAsyncEnumerable<LegacyRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SelectRows, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LegacyRow(
                TextOrNull(reader, 0), TextOrNull(reader, 1), TextOrNull(reader, 2), TextOrNull(reader, 3), reader.GetBoolean(4));
        }
    }

    public async Task<StoreResult<int>> RemoveAsync(IReadOnlyList<LegacyRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(DeleteRows, connection);
            command.Parameters.Add(new NpgsqlParameter<string?[]>("environments", [.. rows.Select(r => r.Environment)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("services", [.. rows.Select(r => r.ServiceName)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("keys", [.. rows.Select(r => r.Key)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("values", [.. rows.Select(r => r.Value)]));
            command.Parameters.Add(new NpgsqlParameter<bool[]>("encrypted", [.. rows.Select(r => r.IsEncrypted)]));
            return StoreResult<int>.Ok(await command.ExecuteNonQueryAsync(cancellationToken));
        }
        catch (Exception ex) when (LegacySourceFailure.IsSourceFailure(ex, cancellationToken))
        {
            return StoreResult<int>.Fail(StoreOutcome.Unavailable, LegacySourceFailure.Describe(ex));
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private string SelectRows =>
        $"SELECT {Column(table.Environment)}::text, {Column(table.ServiceName)}::text, {Column(table.Key)}::text, " +
        $"{Column(table.Value)}::text, coalesce({Column(table.IsEncrypted)}::boolean, false) FROM {_from}";

    /// <summary>Only rows equal to a migrated one in every column: a row changed since it was read stays.</summary>
    private string DeleteRows =>
        $"DELETE FROM {_from} AS t USING unnest(@environments::text[], @services::text[], @keys::text[], @values::text[], @encrypted::boolean[]) " +
        "AS m(environment, service_name, key, value, is_encrypted) " +
        $"WHERE t.{Column(table.Environment)}::text = m.environment AND t.{Column(table.ServiceName)}::text = m.service_name " +
        $"AND t.{Column(table.Key)}::text = m.key AND t.{Column(table.Value)}::text = m.value " +
        $"AND coalesce(t.{Column(table.IsEncrypted)}::boolean, false) = m.is_encrypted";

    private static string? TextOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Column(string name) => $"\"{name}\"";

    private static string Quote(string qualified) => string.Join('.', qualified.Split('.').Select(Column));
}
