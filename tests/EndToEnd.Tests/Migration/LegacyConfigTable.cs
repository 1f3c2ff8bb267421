using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>A legacy <c>configs</c>-shaped table in the fixture's database, filled by the test.</summary>
public sealed class LegacyConfigTable(string connectionString, string name)
{
    public string ConnectionString => connectionString;

    public string Name => name;

    public static async Task<LegacyConfigTable> CreateAsync(string connectionString, string name)
    {
        var table = new LegacyConfigTable(connectionString, name);
        await table.ExecuteAsync($"""
            CREATE TABLE {name} (
                key text, value text, environment text, service_name text, is_encrypted boolean,
                created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())
            """);
        return table;
    }

    public async Task InsertAsync(IEnumerable<(string? Env, string? Svc, string? Key, string? Value, bool Encrypted)> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {name} (environment, service_name, key, value, is_encrypted) FROM STDIN (FORMAT BINARY)");
        foreach (var (env, svc, key, value, encrypted) in rows)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(env);
            await writer.WriteAsync(svc);
            await writer.WriteAsync(key);
            await writer.WriteAsync(value);
            await writer.WriteAsync(encrypted);
        }

        await writer.CompleteAsync();
    }

    /// <summary>The rows left, as <c>environment/service_name/key</c>.</summary>
    public async Task<IReadOnlyList<string>> AddressesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT environment || '/' || service_name || '/' || key FROM {name} ORDER BY 1", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? "(null)" : reader.GetString(0));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
