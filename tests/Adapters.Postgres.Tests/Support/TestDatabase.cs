using ConfigCluster.Adapters.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>A fresh database <c>test_{guid}</c> on the test server, dropped (with its sessions) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _raw;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        _raw = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    /// <summary>Npgsql keyword form, as <c>ConnectionStrings:Postgres</c> would hold it.</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var admin = TestPostgres.Admin();
        var name = $"test_{Guid.NewGuid():N}";
        await AdminExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var database = new TestDatabase(name, new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString);
        if (migrate)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    public async Task<int> MigrateAsync() =>
        await new MigrationRunner(_raw, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);

    /// <summary>The adapter as the silo gets it: configuration, <c>AddPostgresChangeLog()</c>, logging.</summary>
    public ServiceProvider CreateServices(IDictionary<string, string?>? settings = null) =>
        Services(ConnectionString, settings);

    public static ServiceProvider Services(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPostgresChangeLog().BuildServiceProvider();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = _raw.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async Task<List<T>> ColumnAsync<T>(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = _raw.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        List<T> values = [];
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Runs <paramref name="sql"/>; the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = _raw.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends a session of this database and waits until it is gone (its locks and LISTENs with it).</summary>
    public async Task TerminateAsync(int pid) =>
        Assert.True(await ScalarAsync<bool>("SELECT pg_terminate_backend(@pid, 10000)", new NpgsqlParameter<int>("pid", pid)));

    public async ValueTask DisposeAsync()
    {
        await _raw.DisposeAsync();
        await AdminExecuteAsync(TestPostgres.Admin(), $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task AdminExecuteAsync(NpgsqlConnectionStringBuilder admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
