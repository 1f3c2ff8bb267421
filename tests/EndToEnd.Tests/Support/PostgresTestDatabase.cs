using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>A fresh database on the test PostgreSQL, dropped on dispose; can be made unreachable and back.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = TestEnvironment.Postgres;
        var name = $"e2e_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name, Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        return new PostgresTestDatabase(admin, name, connection);
    }

    /// <summary>PostgreSQL "down" for this database only: no new connections, existing ones terminated.</summary>
    public async Task MakeUnreachableAsync()
    {
        await ExecuteAsync(_admin, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await ExecuteAsync(_admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
        NpgsqlConnection.ClearAllPools();
    }

    public Task MakeReachableAsync() => ExecuteAsync(_admin, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS true");

    /// <summary>Every row of every table of the public schema, as text.</summary>
    public async Task<IReadOnlyList<string>> DumpAllRowsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table}: {reader.GetString(0)}");
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<(string Action, string Key, long NewVersion, string State)>> ChangeRowsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT action, key, new_version, state FROM config_changes ORDER BY id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<(string, string, long, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Runs one statement on this database (a test playing a crashed writer or moving time).</summary>
    public Task RunAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
