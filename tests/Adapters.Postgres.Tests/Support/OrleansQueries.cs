using System.Data;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>
/// The query texts in <c>orleansquery</c>, run past the provider with parameters typed as Orleans 10.4.2 types
/// them (<c>DbType.String</c>, <c>Int32</c>, <c>DateTime</c> with UTC values; NULL as <see cref="DBNull"/>).
/// </summary>
public static class OrleansQueries
{
    public static async Task<string> TextAsync(TestDatabase database, string key) =>
        await database.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = @key", new NpgsqlParameter<string>("key", key))
        ?? throw new InvalidOperationException($"No query text for {key}.");

    /// <summary>Runs the text of <paramref name="key"/>; the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(TestDatabase database, string key, params NpgsqlParameter[] parameters) =>
        await database.ExecuteAsync(await TextAsync(database, key), parameters);

    public static NpgsqlParameter Text(string name, string? value) => Typed(name, DbType.String, value);

    public static NpgsqlParameter Int(string name, int value) => Typed(name, DbType.Int32, value);

    public static NpgsqlParameter Time(string name, DateTime value) => Typed(name, DbType.DateTime, DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static NpgsqlParameter Typed(string name, DbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
